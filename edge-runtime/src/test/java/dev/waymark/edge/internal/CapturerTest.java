package dev.waymark.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.edge.CaptureResult;
import dev.waymark.edge.CaptureResult.Refusal;
import dev.waymark.edge.support.Captures;
import dev.waymark.edge.support.TestKiosk;
import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.MaskingPolicy;
import dev.waymark.privacy.MaskingStrategy;
import dev.waymark.privacy.PiiScanner;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapturerTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final List<CloudEvent> committed = new CopyOnWriteArrayList<>();
    private OutboxStore store;
    private OutboxWriter writer;
    private Capturer underTest;

    private void open(MaskingPolicy policy) throws Exception {
        store = OutboxStore.open(dir.resolve("edge.db"));
        writer = new OutboxWriter(store, 1024 * 1024, 10_000);
        EventMasker masker = EventMasker.create(policy,
                KeyRing.of(PseudonymizationKey.of(TestKiosk.KEY_ALIAS, TestKiosk.SECRET)), PiiScanner.standard());
        underTest = new Capturer(EventCodec.create(), masker, Source.device("store-1", "kiosk-7"), clock,
                new UlidGenerator(clock, new SplittableRandom(1)), new SessionIds(new SplittableRandom(2)), writer,
                "en", 0, committed::addAll);
    }

    @AfterEach
    void close() throws Exception {
        writer.close();
        store.close();
    }

    @Test
    void capture_firstKioskEvent_storesASessionStartBeforeIt() throws Exception {
        open(MaskingPolicy.defaults());
        CaptureResult.Stored stored = stored(Captures.cartAdd("SKU-1"));
        assertThat(stored.events()).extracting(CaptureResult.StoredEvent::type)
                .containsExactly("wm.kiosk.session_start", "wm.kiosk.cart_add");
        assertThat(stored.events()).extracting(CaptureResult.StoredEvent::sequence).containsExactly(0L, 1L);
        assertThat(sessionIds()).hasSize(1).allMatch(id -> id.matches("ks-[0-9a-f]{20}"));
    }

    @Test
    void capture_sessionIdFromTheUi_isReplacedByTheAgents() throws Exception {
        open(MaskingPolicy.defaults());
        stored("{\"type\":\"wm.kiosk.screen_view\",\"data\":{\"sessionId\":\"shopper-ann\",\"screen\":\"home\"}}");
        assertThat(outbox()).doesNotContain("shopper-ann");
    }

    @Test
    void capture_loyaltyId_isStoredAsTokenNeverRaw() throws Exception {
        open(MaskingPolicy.defaults());
        stored(Captures.loyaltyScan("LOY-4455-6677"));
        assertThat(outbox()).doesNotContain("LOY-4455-6677").contains("tok:" + TestKiosk.KEY_ALIAS + ":");
    }

    @Test
    void capture_freeText_isDroppedByDefault() throws Exception {
        open(MaskingPolicy.defaults());
        stored(Captures.feedback("call me on +44 20 7946 0958"));
        assertThat(outbox()).doesNotContain("call me").doesNotContain("7946");
    }

    @Test
    void capture_freeTextOptedIntoScan_keepsTextWithPiiMasked() throws Exception {
        open(MaskingPolicy.defaults().withField("comment", MaskingStrategy.SCAN));
        stored(Captures.feedback("mail ann@example.com please"));
        assertThat(outbox()).contains("mail [EMAIL] please").doesNotContain("ann@example.com");
    }

    @Test
    void capture_invalidField_isRejectedNamingItAndNothingIsStored() throws Exception {
        open(MaskingPolicy.defaults());
        CaptureResult.Refused refused = refused(Captures.cartAdd("SKU-1").replace("\"quantity\":1",
                "\"quantity\":0"));
        assertThat(refused.refusal()).isEqualTo(Refusal.INVALID);
        assertThat(refused.rejection().field()).isEqualTo("data.quantity");
        assertThat(writer.count()).isZero();
        assertThat(underTest.session()).isEmpty();
    }

    @Test
    void capture_batchWithOneBadEvent_storesNothingAndNamesItsIndex() throws Exception {
        open(MaskingPolicy.defaults());
        CaptureResult.Refused refused = refused("[" + Captures.cartAdd("SKU-1") + ","
                + Captures.cartAdd("SKU-2").replace("\"sku\":\"SKU-2\",", "") + "]");
        assertThat(refused.rejection().field()).isEqualTo("[1].data.sku");
        assertThat(writer.count()).isZero();
    }

    @Test
    void capture_webOrDeviceType_isRefusedAsNotFromTheUi() throws Exception {
        open(MaskingPolicy.defaults());
        assertThat(refused("{\"type\":\"wm.device.heartbeat\",\"data\":{}}").rejection().message())
                .isEqualTo("type: only wm.kiosk.* and wm.outcome.* events come from the kiosk UI");
    }

    @Test
    void capture_unknownKioskType_isRefusedNamingType() throws Exception {
        open(MaskingPolicy.defaults());
        assertThat(refused("{\"type\":\"wm.kiosk.teleport\",\"data\":{}}").rejection().field()).isEqualTo("type");
    }

    @Test
    void capture_oversizeEventOfValidFields_isRefusedAsTooLarge() throws Exception {
        open(MaskingPolicy.defaults());
        CaptureResult.Refused refused = refused(Captures.purchase(20, 1_900));
        assertThat(refused.refusal()).isEqualTo(Refusal.TOO_LARGE);
        assertThat(refused.rejection().reason()).contains("limit " + Limits.MAX_EVENT_BYTES);
    }

    @Test
    void capture_overlongField_isRefusedNamingTheField() throws Exception {
        open(MaskingPolicy.defaults());
        CaptureResult.Refused refused = refused(Captures.cartAdd("x".repeat(40_000)));
        assertThat(refused.refusal()).isEqualTo(Refusal.INVALID);
        assertThat(refused.rejection().field()).isEqualTo("data.sku");
    }

    @Test
    void capture_sessionEndWithoutSession_isRefused() throws Exception {
        open(MaskingPolicy.defaults());
        assertThat(refused(Captures.sessionEnd()).rejection().message())
                .isEqualTo("type: no kiosk session is open to end");
    }

    @Test
    void endIfIdle_afterTimeout_endsSessionAndNextTouchStartsANewOne() throws Exception {
        open(MaskingPolicy.defaults());
        stored(Captures.cartAdd("SKU-1"));
        clock.advance(Duration.ofSeconds(30));
        assertThat(((CaptureResult.Stored) underTest.endIfIdle(Duration.ofSeconds(60)).get()).events()).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        CaptureResult.Stored ended = (CaptureResult.Stored) underTest.endIfIdle(Duration.ofSeconds(60)).get();
        assertThat(ended.events()).extracting(CaptureResult.StoredEvent::type).containsExactly("wm.kiosk.session_end");
        stored(Captures.cartAdd("SKU-2"));
        assertThat(sessionIds()).hasSize(2);
        assertThat(outbox()).contains("\"reason\":\"idle\"").contains("\"durationMs\":61000");
    }

    @Test
    void capture_committedEvents_reachTheListenerMasked() throws Exception {
        open(MaskingPolicy.defaults());
        stored(Captures.loyaltyScan("LOY-1"));
        assertThat(committed).extracting(CloudEvent::type)
                .containsExactly("wm.kiosk.session_start", "wm.kiosk.loyalty_scan");
        assertThat(committed.get(1).data().toString()).doesNotContain("LOY-1");
    }

    private CaptureResult.Stored stored(String json) throws Exception {
        CaptureResult result = underTest.capture(CaptureJson.read(json.getBytes(StandardCharsets.UTF_8))
                .orElseThrow()).get();
        assertThat(result).isInstanceOf(CaptureResult.Stored.class);
        return (CaptureResult.Stored) result;
    }

    private CaptureResult.Refused refused(String json) throws Exception {
        CaptureResult result = underTest.capture(CaptureJson.read(json.getBytes(StandardCharsets.UTF_8))
                .orElseThrow()).get();
        assertThat(result).isInstanceOf(CaptureResult.Refused.class);
        return (CaptureResult.Refused) result;
    }

    private String outbox() throws Exception {
        try (OutboxReader reader = new OutboxReader(OutboxStore.openReader(dir.resolve("edge.db")))) {
            return reader.after(-1, 1000, Integer.MAX_VALUE).map(b -> new String(b.payload(), StandardCharsets.UTF_8))
                    .orElse("");
        }
    }

    private List<String> sessionIds() throws Exception {
        List<String> out = new ArrayList<>();
        for (CloudEvent event : committed) {
            SessionIdOf.event(event).filter(id -> !out.contains(id)).ifPresent(out::add);
        }
        return out;
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
