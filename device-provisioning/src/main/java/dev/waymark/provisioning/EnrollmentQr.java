package dev.waymark.provisioning;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.waymark.protocol.Decoded;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * What an enrollment QR code carries: the provisioning URL, the token and the CA fingerprint the device must pin.
 * The payload is compact JSON {@code {"v":1,"url":…,"token":…,"ca":…}}. Renders as a PNG file and as text for a
 * dark-background terminal (light modules drawn with half-block characters, two rows of modules per line).
 *
 * @param url           the provisioning service, https
 * @param token         the enrollment token text
 * @param caFingerprint SHA-256 of the device CA certificate, 64 lower-case hex digits
 */
public record EnrollmentQr(String url, String token, String caFingerprint) {

    // Pixels per module in the PNG: 8 keeps a version-10 code (57 modules) near 500 px, easy for phone cameras.
    private static final int PNG_SCALE = 8;

    /** Validates; throws IllegalArgumentException naming the field. */
    public EnrollmentQr {
        if (!Objects.requireNonNull(url, "url").startsWith("https://")) {
            throw new IllegalArgumentException("url: must start with https://");
        }
        if (Objects.requireNonNull(token, "token").isBlank()) {
            throw new IllegalArgumentException("token: is empty");
        }
        if (!Objects.requireNonNull(caFingerprint, "caFingerprint").matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("caFingerprint: must be 64 lower-case hex digits");
        }
    }

    /** The text the QR code encodes. */
    public String payload() {
        return new JsonObject().put("v", 1).put("url", url).put("token", token).put("ca", caFingerprint).encode();
    }

    /** Reads a payload; a rejection names the field that is missing or wrong. */
    public static Decoded<EnrollmentQr> parse(String payload) {
        try {
            JsonObject json = new JsonObject(payload);
            if (!Integer.valueOf(1).equals(json.getInteger("v"))) {
                return Decoded.rejected("v", "unsupported QR payload version");
            }
            return Decoded.accepted(new EnrollmentQr(text(json, "url"), text(json, "token"), text(json, "ca")));
        } catch (DecodeException | ClassCastException e) {
            return Decoded.rejected("payload", "is not a Waymark enrollment QR code");
        } catch (IllegalArgumentException | NullPointerException e) {
            return Decoded.rejected("payload", e.getMessage());
        }
    }

    /** Writes the code as a PNG; IOException when the file cannot be written. */
    public void writePng(Path file) throws IOException {
        BitMatrix matrix = matrix();
        int size = matrix.getWidth() * PNG_SCALE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, matrix.get(x / PNG_SCALE, y / PNG_SCALE) ? 0x000000 : 0xFFFFFF);
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** Reads the code in a PNG (or any image ImageIO reads); a rejection when there is none or it is not ours. */
    public static Decoded<EnrollmentQr> readPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            return Decoded.rejected("qrFile", "is not an image");
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            String text = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
            return parse(text);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return Decoded.rejected("qrFile", "holds no readable QR code");
        }
    }

    /** The code as text lines for a terminal with a dark background. */
    public String terminal() {
        BitMatrix matrix = matrix();
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y += 2) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                boolean top = !matrix.get(x, y);
                boolean bottom = y + 1 >= matrix.getHeight() || !matrix.get(x, y + 1);
                out.append(top ? (bottom ? '\u2588' : '\u2580') : (bottom ? '\u2584' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The token is a credential: it is not printed by toString. */
    @Override
    public String toString() {
        return "EnrollmentQr[url=" + url + ", token=<redacted>, caFingerprint=" + caFingerprint + "]";
    }

    private BitMatrix matrix() {
        try {
            // Level M restores about 15% damage (ISO/IEC 18004), enough for a photo of a screen; the standard
            // asks for a quiet zone of 4 modules around the code.
            return new QRCodeWriter().encode(payload(), BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("payload too long for a QR code", e);
        }
    }

    private static String text(JsonObject json, String key) {
        String value = json.getString(key);
        if (value == null) {
            throw new IllegalArgumentException(key + ": missing");
        }
        return value;
    }
}
