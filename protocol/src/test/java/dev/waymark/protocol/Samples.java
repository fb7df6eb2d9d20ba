package dev.waymark.protocol;

import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.CartRemove;
import dev.waymark.protocol.event.CheckoutStart;
import dev.waymark.protocol.event.ConsentState;
import dev.waymark.protocol.event.ConsentUpdate;
import dev.waymark.protocol.event.DeviceState;
import dev.waymark.protocol.event.DeviceStatus;
import dev.waymark.protocol.event.Feedback;
import dev.waymark.protocol.event.Heartbeat;
import dev.waymark.protocol.event.HubDevice;
import dev.waymark.protocol.event.HubReport;
import dev.waymark.protocol.event.LineItem;
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
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One realistic payload of every catalog type, and events around them. */
final class Samples {

    static final Source KIOSK = Source.device("store-042", "kiosk-07");
    static final Source WEB = Source.web("wk_3f9a1c");
    static final Instant TIME = Instant.parse("2026-11-23T09:15:02.123Z");
    static final String ULID = "01JDQ6Y7C8M4V2K9ZQW3T5N6PA";

    private Samples() {
    }

    static List<Payload> payloads() {
        String s = "sess-9f2c";
        JsonObject context = Json.createObjectBuilder().add("ip", "203.0.113.7")
                .add("userAgent", "Mozilla/5.0").build();
        JsonObject empty = JsonObject.EMPTY_JSON_OBJECT;
        return List.of(
                new SessionStart(s, "de-DE"),
                new SessionEnd(s, "timeout", 184_000),
                new ScreenView(s, "home"),
                new ProductView(s, "SKU-88412", "running-shoes", 12_999, "EUR"),
                new Search(s, Optional.of("trail shoes size 44"), 17),
                new CartAdd(s, "SKU-88412", "running-shoes", 1, 12_999, "EUR"),
                new CartRemove(s, "SKU-88412", "running-shoes", 1, 12_999, "EUR"),
                new CheckoutStart(s, 2, 15_498, "EUR"),
                new Purchase(s, "ORD-2026-118734", 15_498, "EUR",
                        List.of(new LineItem("SKU-88412", 1, 12_999), new LineItem("SKU-10027", 1, 2_499))),
                new ServiceRequest(s, "sizing", Optional.of("need help finding a wide fit")),
                new LoyaltyScan(s, "LC-4417-2290-0001"),
                new ConsentUpdate(s, "marketing", "email", ConsentState.GRANTED,
                        Optional.of("CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA")),
                new Feedback(s, 4, Optional.of("quick and easy")),
                new OutcomeImpression("act-runner-10", "01JDQ6Y7C8M4V2K9ZQW3T5N6PB", "kiosk.home.banner"),
                new OutcomeAccept("act-runner-10", "01JDQ6Y7C8M4V2K9ZQW3T5N6PB", "kiosk.home.banner"),
                new OutcomeDismiss("act-runner-10", "01JDQ6Y7C8M4V2K9ZQW3T5N6PB", "kiosk.home.banner"),
                new OutcomeConvert("act-runner-10", "01JDQ6Y7C8M4V2K9ZQW3T5N6PB", "kiosk.home.banner", 1_300, "EUR"),
                new DeviceStatus(DeviceState.ONLINE, "1.4.2", 3, TIME),
                new Heartbeat("1.4.2", 0, TIME),
                new HubReport(true, 12, List.of(new HubDevice("kiosk-07", true, TIME, Optional.of(-1_250L)),
                        new HubDevice("kiosk-08", false, TIME, Optional.empty()))),
                new WebTrack(Optional.of("anon-5e1"), Optional.empty(), "Product Viewed",
                        Json.createObjectBuilder().add("sku", "SKU-88412").add("price", 129.99).build(), context),
                new WebPage(Optional.of("anon-5e1"), Optional.empty(), Optional.of("Running"), empty, context),
                new WebScreen(Optional.empty(), Optional.of("crm-77812"), Optional.empty(), empty, context),
                new WebIdentify(Optional.of("anon-5e1"), Optional.of("crm-77812"),
                        Json.createObjectBuilder().add("email", "jane@example.com").add("plan", "gold").build(),
                        context),
                new WebAlias("anon-5e1", "crm-77812"));
    }

    static CloudEvent event(Payload payload) {
        boolean web = EventCatalog.of(payload.getClass()).area().equals("web");
        return web ? CloudEvent.of("msg-" + payload.getClass().getSimpleName(), WEB, TIME, 0, payload)
                : CloudEvent.of(ULID, KIOSK, TIME, 41, payload);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
