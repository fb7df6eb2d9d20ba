package dev.waymark.protocol.internal;

import dev.waymark.protocol.EventType;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.PersonalData;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.CartRemove;
import dev.waymark.protocol.event.CheckoutStart;
import dev.waymark.protocol.event.ConsentUpdate;
import dev.waymark.protocol.event.DeviceStatus;
import dev.waymark.protocol.event.Feedback;
import dev.waymark.protocol.event.Heartbeat;
import dev.waymark.protocol.event.HubReport;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.OutcomeAccept;
import dev.waymark.protocol.event.OutcomeConvert;
import dev.waymark.protocol.event.OutcomeDismiss;
import dev.waymark.protocol.event.OutcomeImpression;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.Purchase;
import dev.waymark.protocol.event.ScreenView;
import dev.waymark.protocol.event.Search;
import dev.waymark.protocol.event.ServiceRequest;
import dev.waymark.protocol.event.SessionEnd;
import dev.waymark.protocol.event.SessionStart;
import dev.waymark.protocol.event.WebAlias;
import dev.waymark.protocol.event.WebIdentify;
import dev.waymark.protocol.event.WebPage;
import dev.waymark.protocol.event.WebScreen;
import dev.waymark.protocol.event.WebTrack;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog's table. Adding an event type means adding its line here and its record in the event package. */
public final class Catalog {

    private static final Map<String, PersonalData> NONE = Map.of();
    private static final Map<String, PersonalData> WEB_IDS = Map.of(
            "userId", PersonalData.CUSTOMER_ID, "context.ip", PersonalData.IP_ADDRESS);

    private static final List<EventType> TYPES = List.of(
            type("wm.kiosk.session_start", SessionStart.class, 1, NONE),
            type("wm.kiosk.session_end", SessionEnd.class, 1, NONE),
            type("wm.kiosk.screen_view", ScreenView.class, 1, NONE),
            type("wm.kiosk.product_view", ProductView.class, 1, NONE),
            type("wm.kiosk.search", Search.class, 1, Map.of("query", PersonalData.FREE_TEXT)),
            type("wm.kiosk.cart_add", CartAdd.class, 2, NONE),
            type("wm.kiosk.cart_remove", CartRemove.class, 1, NONE),
            type("wm.kiosk.checkout_start", CheckoutStart.class, 1, NONE),
            type("wm.kiosk.purchase", Purchase.class, 1, NONE),
            type("wm.kiosk.service_request", ServiceRequest.class, 1, Map.of("note", PersonalData.FREE_TEXT)),
            type("wm.kiosk.loyalty_scan", LoyaltyScan.class, 1, Map.of("loyaltyId", PersonalData.LOYALTY_ID)),
            type("wm.kiosk.consent_update", ConsentUpdate.class, 1, NONE),
            type("wm.kiosk.feedback", Feedback.class, 1, Map.of("comment", PersonalData.FREE_TEXT)),
            type("wm.outcome.impression", OutcomeImpression.class, 1, NONE),
            type("wm.outcome.accept", OutcomeAccept.class, 1, NONE),
            type("wm.outcome.dismiss", OutcomeDismiss.class, 1, NONE),
            type("wm.outcome.convert", OutcomeConvert.class, 1, NONE),
            type("wm.device.status", DeviceStatus.class, 1, NONE),
            type("wm.device.heartbeat", Heartbeat.class, 1, NONE),
            type("wm.hub.report", HubReport.class, 1, NONE),
            type("wm.web.track", WebTrack.class, 1, WEB_IDS),
            type("wm.web.page", WebPage.class, 1, WEB_IDS),
            type("wm.web.screen", WebScreen.class, 1, WEB_IDS),
            type("wm.web.identify", WebIdentify.class, 1, identifyFields()),
            type("wm.web.alias", WebAlias.class, 1,
                    Map.of("previousId", PersonalData.CUSTOMER_ID, "userId", PersonalData.CUSTOMER_ID)));

    private static final Map<String, EventType> BY_NAME = index(true);
    private static final Map<Class<?>, EventType> BY_CLASS = index(false);

    private Catalog() {
    }

    /** The type named {@code name}, or null. */
    public static EventType byName(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    /** The type of {@code payloadClass}, or null. */
    public static EventType byClass(Class<?> payloadClass) {
        return payloadClass == null ? null : BY_CLASS.get(payloadClass);
    }

    /** All types in table order. */
    public static Collection<EventType> all() {
        return TYPES;
    }

    private static Map<String, PersonalData> identifyFields() {
        Map<String, PersonalData> fields = new HashMap<>(WEB_IDS);
        fields.put("traits.email", PersonalData.EMAIL);
        fields.put("traits.phone", PersonalData.PHONE);
        fields.put("traits.loyaltyId", PersonalData.LOYALTY_ID);
        fields.put("traits.name", PersonalData.PERSON_NAME);
        fields.put("traits.firstName", PersonalData.PERSON_NAME);
        fields.put("traits.lastName", PersonalData.PERSON_NAME);
        fields.put("traits.address", PersonalData.POSTAL_ADDRESS);
        return fields;
    }

    private static EventType type(String name, Class<? extends Payload> payload, int version,
                                  Map<String, PersonalData> personal) {
        return new EventType(name, payload, version, personal);
    }

    @SuppressWarnings("unchecked")
    private static <K> Map<K, EventType> index(boolean byName) {
        Map<K, EventType> index = new LinkedHashMap<>();
        for (EventType type : TYPES) {
            K key = (K) (byName ? type.name() : type.payloadClass());
            if (index.put(key, type) != null) {
                throw new IllegalStateException("duplicate catalog entry: " + key);
            }
        }
        return Collections.unmodifiableMap(index);
    }
}
