package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.consent.ConsentBook;
import dev.waymark.cloud.internal.consent.ConsentJson;
import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.decision.ConsentView;
import dev.waymark.protocol.CloudEvent;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The consent book with the CRM told: when an event that makes consent statements changes the profile's effective
 * consent, a {@link CrmMessage#CONSENT} message carries the new one. Recording itself is the ledger's.
 */
final class CrmConsent implements ConsentBook {

    private final ConsentLedgerBook ledger;
    private final CrmFeed feed;

    CrmConsent(ConsentLedgerBook ledger, CrmFeed feed) {
        this.ledger = ledger;
        this.feed = feed;
    }

    @Override
    public void record(Connection c, String profileId, CloudEvent event) throws SQLException {
        if (!feed.sends() || !ConsentBook.mayStateConsent(event)) {
            ledger.record(c, profileId, event);
            return;
        }
        JsonObject before = ConsentJson.effective(ledger.effective(c, profileId));
        ledger.record(c, profileId, event);
        JsonObject after = ConsentJson.effective(ledger.effective(c, profileId));
        if (!after.equals(before)) {
            feed.publish(c, new CrmMessage("consent:" + event.source() + "/" + event.id(), CrmMessage.CONSENT,
                    profileId, event.time(), new JsonObject().put("consent", after)));
        }
    }

    @Override
    public ConsentView view(Connection c, String profileId) throws SQLException {
        return ledger.view(c, profileId);
    }
}
