package dev.waymark.protocol;

import dev.waymark.protocol.event.CartAdd;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** cart_add version 1 ({@code price} in major units, no currency) is read as version 2. */
class UpcastTest {

    private final EventCodec underTest = EventCodec.create();

    private static EventJson cartAddV1(String price) {
        return EventJson.cartAdd()
                .with("dataschema", "wm:schema/wm.kiosk.cart_add/1")
                .withoutData("unitPrice").withoutData("currency")
                .withData("price", Json.createValue(new java.math.BigDecimal(price)));
    }

    @Test
    void decode_cartAddV1_isUpcastToV2InEuroCents() {
        CloudEvent event = underTest.decode(cartAddV1("129.99").bytes()).orElseThrow();

        assertThat(event.data()).isEqualTo(new CartAdd("sess-9f2c", "SKU-88412", "running-shoes", 1, 12999, "EUR"));
        assertThat(event.dataschema()).isEqualTo("wm:schema/wm.kiosk.cart_add/2");
    }

    @Test
    void decode_cartAddV1WithWholePrice_isUpcast() {
        assertThat(underTest.decode(cartAddV1("5").bytes()).orElseThrow().dataAs(CartAdd.class).unitPrice())
                .isEqualTo(500);
    }

    @Test
    void parse_cartAddV1_reportsTheReceivedVersionAndV2Data() {
        ParsedEvent parsed = underTest.parse(cartAddV1("2.50").bytes()).orElseThrow();

        assertThat(parsed.receivedSchemaVersion()).isEqualTo(1);
        assertThat(parsed.data().getJsonNumber("unitPrice").longValue()).isEqualTo(250);
        assertThat(parsed.data().getString("currency")).isEqualTo("EUR");
        assertThat(parsed.data().containsKey("price")).isFalse();
    }

    @Test
    void decode_cartAddV1WithFractionOfACent_isRejectedNamingPrice() {
        assertThat(underTest.decode(cartAddV1("1.005").bytes()).rejectionIfAny().orElseThrow().message())
                .isEqualTo("data.price: must be a whole number of cents");
    }

    @Test
    void decode_cartAddV1WithV2Field_isRejectedAgainstTheV1Shape() {
        EventJson mixed = cartAddV1("1.00").withData("currency", "EUR");
        assertThat(underTest.decode(mixed.bytes()).rejectionIfAny().orElseThrow().message())
                .isEqualTo("data.currency: unknown property");
    }

    @Test
    void decode_cartAddV1WithoutPrice_isRejectedNamingPrice() {
        assertThat(underTest.decode(cartAddV1("1").withoutData("price").bytes()).rejectionIfAny().orElseThrow()
                .message()).isEqualTo("data.price: is missing");
    }

    @Test
    void decode_futureVersion_isRejectedNamingDataschema() {
        EventJson future = EventJson.cartAdd().with("dataschema", "wm:schema/wm.kiosk.cart_add/3");
        assertThat(underTest.decode(future.bytes()).rejectionIfAny().orElseThrow().message())
                .isEqualTo("dataschema: version 3 of wm.kiosk.cart_add is newer than this build knows (up to 2)");
    }

    @Test
    void decode_versionZero_isRejectedNamingDataschema() {
        EventJson zero = EventJson.cartAdd().with("dataschema", "wm:schema/wm.kiosk.cart_add/0");
        assertThat(underTest.decode(zero.bytes()).rejectionIfAny().orElseThrow().field()).isEqualTo("dataschema");
    }
}
