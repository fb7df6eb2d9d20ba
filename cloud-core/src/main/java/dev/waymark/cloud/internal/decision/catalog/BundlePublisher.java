package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.protocol.action.DecisionBundle;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Publishes a signed bundle retained to every store known in table {@code stores}, or to one store. */
public final class BundlePublisher {

    private static final Logger LOG = Logger.getLogger(BundlePublisher.class.getName());

    private final Store store;
    private final DeviceChannel devices;

    /** A publisher reading store ids from {@code store} and sending through {@code devices}. */
    public BundlePublisher(Store store, DeviceChannel devices) {
        this.store = store;
        this.devices = devices;
    }

    /**
     * Sends {@code bundle} to every store; completes with the number of stores that acknowledged it. A store that
     * failed is logged, not fatal: the bundle is retained, so a later publish or {@code publishCurrentBundle}
     * catches it up.
     */
    public Future<Integer> publishToAll(DecisionBundle bundle) {
        return store.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT store_id FROM stores ORDER BY store_id");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }).compose(ids -> {
            List<Future<Boolean>> sends = new ArrayList<>();
            for (String id : ids) {
                sends.add(publishTo(id, bundle).map(true).otherwise(false));
            }
            return Future.all(sends).map(all -> (int) sends.stream().filter(Future::result).count());
        });
    }

    /** Sends {@code bundle} to one store. */
    public Future<Void> publishTo(String storeId, DecisionBundle bundle) {
        return devices.publishBundle(storeId, bundle).onFailure(e -> LOG.log(Level.WARNING,
                "bundle " + bundle.version() + " to store " + storeId + " failed: " + e.getMessage()));
    }
}
