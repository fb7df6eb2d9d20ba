package dev.waymark.cloud.internal.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.decision.outbox.DeliveryFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the CRM connectors classify an HTTP answer ({@link DeliveryFailure#ofHttp}). */
class DeliveryFailureTest {

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void ofHttp_throttledOrServerError_isRetried(int status) {
        assertThat(DeliveryFailure.ofHttp(status, null).isPermanent()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 409, 422})
    void ofHttp_refusedByTheReceiver_isPermanent(int status) {
        assertThat(DeliveryFailure.ofHttp(status, null).isPermanent()).isTrue();
        assertThat(DeliveryFailure.ofHttp(status, null).getMessage()).isEqualTo("HTTP " + status);
    }

    @Test
    void ofHttp_retryAfterInSeconds_isKeptAndADateIsLeftToTheBackoff() {
        assertThat(DeliveryFailure.ofHttp(429, " 30 ").retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(DeliveryFailure.ofHttp(503, "Wed, 21 Oct 2026 07:28:00 GMT").retryAfter()).isEmpty();
        assertThat(DeliveryFailure.ofHttp(503, "-1").retryAfter()).isEmpty();
    }
}
