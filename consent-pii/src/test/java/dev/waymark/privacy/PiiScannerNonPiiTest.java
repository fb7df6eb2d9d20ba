package dev.waymark.privacy;

import static dev.waymark.privacy.ScannerAssertions.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScannerNonPiiTest {

    private final PiiScanner underTest = PiiScanner.standard();

    @ParameterizedTest
    @ValueSource(strings = {
        "Order ORD-2024-000123 shipped",
        "order #ORD-20240315-0001234 is late",
        "SKU-88213-XL is out of stock",
        "item SKU 4006381333931-B",
        "at 2024-03-15T10:20:30Z the kiosk rebooted",
        "at 2024-03-15 10:20:30 the kiosk rebooted",
        "timestamp 20240315T102030Z",
        "epoch 1710498030123 ms",
        "version 10.2.3.4.5 installed",
        "build 2024.03.15.1234",
        "born 03/15/1985, joined 15.03.2012",
        "total $1,299.99 incl. tax, was 1 299,00 EUR",
        "price 12345.67",
        "receipt 2024-000123-77 for 3 items",
        "session 550e8400-e29b-41d4-a716-446655440000",
        "aisle 12, shelf 7, bin 2208",
        "tracking 1Z999AA10123456784",
        "store 0042 kiosk 07"})
    void scan_everydayRetailText_findsNothing(String text) {
        assertThat(found(underTest, text)).isEmpty();
    }
}
