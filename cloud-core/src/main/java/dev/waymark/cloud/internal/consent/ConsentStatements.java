package dev.waymark.cloud.internal.consent;

import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.ConsentStatus;
import dev.waymark.privacy.GlobalPrivacyControl;
import dev.waymark.privacy.Purpose;
import dev.waymark.privacy.TcfConsent;
import dev.waymark.privacy.TcfDecoding;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.event.ConsentUpdate;
import dev.waymark.protocol.event.WebIdentify;
import dev.waymark.protocol.event.WebPage;
import dev.waymark.protocol.event.WebScreen;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The consent statements an event makes (pure): a kiosk {@code wm.kiosk.consent_update} (source {@code kiosk}),
 * and on a web/app event {@code context.gpc == true} (consent-pii's Global Privacy Control reading: marketing
 * denied on every channel) and {@code context.tcString} (IAB TCF v2, decoded by consent-pii, for the web channel,
 * or the app channel when {@code context.app} is present). Statements that cannot be read (an unknown purpose or
 * channel, a TC string that does not decode) are left out and logged with the field, never with the value.
 */
final class ConsentStatements {

    private static final Logger LOG = Logger.getLogger(ConsentStatements.class.getName());
    /** Source of records from a kiosk consent screen. */
    static final String KIOSK_SOURCE = "kiosk";

    private ConsentStatements() {
    }

    static List<ConsentRecord> of(String profileId, CloudEvent event) {
        if (event.data() instanceof ConsentUpdate update) {
            return kiosk(profileId, event, update);
        }
        return context(event).map(context -> web(profileId, event, context)).orElse(List.of());
    }

    /** Cheaply, without decoding: false when {@link #of} surely finds no statement in {@code event}. */
    static boolean mayState(CloudEvent event) {
        return event.data() instanceof ConsentUpdate || context(event)
                .filter(context -> context.get("gpc") == JsonValue.TRUE || context.containsKey("tcString"))
                .isPresent();
    }

    private static List<ConsentRecord> kiosk(String profileId, CloudEvent event, ConsentUpdate update) {
        Optional<Purpose> purpose = Purpose.fromWireName(update.purpose());
        Optional<Channel> channel = Channel.fromWireName(update.channel());
        if (purpose.isEmpty() || channel.isEmpty()) {
            LOG.warning(() -> "consent_update " + event.source() + " " + event.id() + ": data."
                    + (purpose.isEmpty() ? "purpose" : "channel") + " is unknown; not recorded");
            return List.of();
        }
        ConsentStatus status = ConsentStatus.valueOf(update.state().name());
        return List.of(new ConsentRecord(profileId, purpose.get(), Set.of(channel.get()), status, KIOSK_SOURCE,
                event.time(), update.evidence().orElse("")));
    }

    private static List<ConsentRecord> web(String profileId, CloudEvent event, JsonObject context) {
        List<ConsentRecord> records = new ArrayList<>();
        if (context.get("gpc") == JsonValue.TRUE) {
            records.addAll(new GlobalPrivacyControl(true).toRecords(profileId, event.time()));
        }
        if (context.get("tcString") instanceof JsonString tcString) {
            TcfDecoding decoding = TcfConsent.decode(tcString.getString());
            if (decoding instanceof TcfDecoding.Decoded decoded) {
                Channel channel = context.get("app") instanceof JsonObject ? Channel.APP : Channel.WEB;
                records.addAll(decoded.consent().toRecords(profileId, channel, event.time()));
            } else {
                LOG.warning(() -> "event " + event.source() + " " + event.id() + ": data.context.tcString "
                        + "not recorded, it does not decode as TCF v2");
            }
        }
        return records;
    }

    private static Optional<JsonObject> context(CloudEvent event) {
        Object data = event.data();
        if (data instanceof WebTrack track) {
            return Optional.of(track.context());
        } else if (data instanceof WebPage page) {
            return Optional.of(page.context());
        } else if (data instanceof WebScreen screen) {
            return Optional.of(screen.context());
        } else if (data instanceof WebIdentify identify) {
            return Optional.of(identify.context());
        }
        return Optional.empty();
    }
}
