package dev.waymark.cloud.internal.consent;

import dev.waymark.decision.ConsentView;
import dev.waymark.protocol.CloudEvent;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The cloud's consent ledger per profile (append-only records, {@code consent-pii}'s effective consent).
 */
public interface ConsentBook {

    /**
     * Records what {@code event} says about consent for {@code profileId}, if anything: a kiosk
     * {@code wm.kiosk.consent_update}, or on a web/app event {@code context.gpc == true} (Global Privacy Control)
     * and {@code context.tcString} (an IAB TCF v2 string). Other events are ignored.
     */
    void record(Connection connection, String profileId, CloudEvent event) throws SQLException;

    /** The profile's effective consent as decisions see it; deny-all when nothing is recorded. */
    ConsentView view(Connection connection, String profileId) throws SQLException;

    /** False when {@code event} surely makes no consent statement, so {@link #record} would ignore it. */
    static boolean mayStateConsent(CloudEvent event) {
        return ConsentStatements.mayState(event);
    }
}
