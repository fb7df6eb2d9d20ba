package dev.waymark.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrImageTest {

    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
    private static final int SCALE = 4;

    @Test
    void svg_drawnBackIntoPixels_decodesToThePayload() throws Exception {
        String payload = "{\"v\":1,\"url\":\"https://localhost:8443/provisioning/v1\",\"token\":\"wm1:kiosk:store-1:"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"ca\":\"" + "ab".repeat(32) + "\"}";

        String svg = QrImage.svg(payload);

        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1));
        int pixels = modules * SCALE;
        int[] image = new int[pixels * pixels];
        Arrays.fill(image, 0xFFFFFF);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            for (int dx = 0; dx < Integer.parseInt(run.group(3)) * SCALE; dx++) {
                for (int dy = 0; dy < SCALE; dy++) {
                    image[(y * SCALE + dy) * pixels + x * SCALE + dx] = 0;
                }
            }
        }
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(pixels, pixels, image)))).getText();
        assertThat(decoded).isEqualTo(payload);
        assertThat(svg).contains("width=\"" + modules * QrImage.MODULE_PIXELS + "\"");
    }
}
