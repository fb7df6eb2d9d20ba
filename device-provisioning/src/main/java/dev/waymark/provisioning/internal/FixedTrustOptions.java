package dev.waymark.provisioning.internal;

import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import java.security.KeyStore;
import java.security.Provider;
import java.util.function.Function;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/**
 * Vert.x trust options backed by one trust manager of ours. Vert.x 5.0.8's own {@code TrustOptions.wrap} fails
 * with NoClassDefFoundError (its wrapper class logs through slf4j, which Vert.x does not depend on), so we wrap
 * the manager in a JSSE factory ourselves.
 */
public final class FixedTrustOptions implements TrustOptions {

    private static final Provider PROVIDER = new Provider("waymark-trust", "1.0", "Waymark device trust") {
        private static final long serialVersionUID = 1L;
    };

    private final TrustManager trustManager;

    public FixedTrustOptions(TrustManager trustManager) {
        this.trustManager = trustManager;
    }

    @Override
    public TrustOptions copy() {
        return this;
    }

    @Override
    public TrustManagerFactory getTrustManagerFactory(Vertx vertx) {
        return new Factory(trustManager);
    }

    @Override
    public Function<String, TrustManager[]> trustManagerMapper(Vertx vertx) {
        return serverName -> new TrustManager[] {trustManager};
    }

    private static final class Factory extends TrustManagerFactory {
        Factory(TrustManager trustManager) {
            super(new Spi(trustManager), PROVIDER, "waymark");
        }
    }

    private static final class Spi extends TrustManagerFactorySpi {
        private final TrustManager trustManager;

        Spi(TrustManager trustManager) {
            this.trustManager = trustManager;
        }

        @Override
        protected void engineInit(KeyStore keyStore) {
        }

        @Override
        protected void engineInit(ManagerFactoryParameters parameters) {
        }

        @Override
        protected TrustManager[] engineGetTrustManagers() {
            return new TrustManager[] {trustManager};
        }
    }
}
