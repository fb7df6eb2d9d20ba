package dev.waymark.provisioning;

import dev.waymark.provisioning.internal.ProvisioningClient;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a hub polls (every 30 s is our advice, so a revocation bites within a minute): the signed revocation list
 * for {@link DeviceTrust#update}, and the change feed, whose new entries name the connections to drop. Trusts the
 * provisioning service only if it chains to the pinned CA. Blocking; call from a worker.
 */
public final class RevocationFetcher {

    private final ProvisioningClient client;

    private RevocationFetcher(ProvisioningClient client) {
        this.client = client;
    }

    /** A fetcher for the service at {@code provisioningUrl}, pinning {@code caFingerprint}. */
    public static RevocationFetcher create(String provisioningUrl, String caFingerprint, Clock clock) {
        return new RevocationFetcher(new ProvisioningClient(provisioningUrl,
                DeviceTrust.forServers(caFingerprint, clock), null));
    }

    /** The current CRL (not yet checked against the CA: {@link DeviceTrust#update} does that). */
    public X509CRL fetchCrl() throws IOException, EnrollmentRefused {
        byte[] der = client.getBytes("/crl");
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IOException("the service sent no valid CRL: " + e.getMessage(), e);
        }
    }

    /** Feed entries after {@code sequence}, oldest first (one page; call again with the last sequence). */
    public List<Revocation> changesSince(long sequence) throws IOException, EnrollmentRefused {
        JsonObject page = client.get("/revocations?since=" + sequence, "");
        List<Revocation> out = new ArrayList<>();
        for (Object item : page.getJsonArray("revocations")) {
            JsonObject entry = (JsonObject) item;
            out.add(new Revocation(entry.getLong("sequence"), entry.getString("deviceId"), entry.getString("store"),
                    entry.getString("serial"), Instant.parse(entry.getString("revokedAt")),
                    entry.getString("reason")));
        }
        return List.copyOf(out);
    }
}
