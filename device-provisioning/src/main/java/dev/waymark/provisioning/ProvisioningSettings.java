package dev.waymark.provisioning;

import dev.waymark.privacy.PseudonymizationKey;
import java.time.Duration;
import java.util.Objects;

/**
 * What the provisioning service hands out and how strict it is.
 *
 * @param provisioningUrl       the HTTPS URL devices enroll at (put into tokens' QR codes)
 * @param hubHostTemplate       a hub's DNS name with {@code {store}} for the store id, e.g. {@code hub.{store}.local}
 * @param hubPort               the hubs' MQTT-over-TLS port (8883, the IANA port for secure MQTT)
 * @param tokenTtl              how long a token is valid (default 60 minutes)
 * @param deviceValidity        how long a device certificate is valid (default 90 days)
 * @param bundleVerificationKey the PEM public key devices verify decision bundles with
 * @param pseudonymizationKey   the deployment's pseudonymization key, delivered into device keystores only
 * @param maxFailedAttempts     failed enrollments allowed per remote address within {@code failureWindow}
 * @param failureWindow         the window of {@code maxFailedAttempts}
 */
public record ProvisioningSettings(String provisioningUrl, String hubHostTemplate, int hubPort, Duration tokenTtl,
                                   Duration deviceValidity, String bundleVerificationKey,
                                   PseudonymizationKey pseudonymizationKey, int maxFailedAttempts,
                                   Duration failureWindow) {

    /** Default token lifetime. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(60);
    /** Default failed attempts per address and window: 5 in 15 minutes stops guessing, not a mistyped QR scan. */
    public static final int DEFAULT_MAX_FAILED_ATTEMPTS = 5;
    /** Default failure window. */
    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(15);

    /** Validates; throws IllegalArgumentException naming the field. */
    public ProvisioningSettings {
        Objects.requireNonNull(provisioningUrl, "provisioningUrl");
        if (!provisioningUrl.startsWith("https://")) {
            throw new IllegalArgumentException("provisioningUrl: must start with https://");
        }
        if (!Objects.requireNonNull(hubHostTemplate, "hubHostTemplate").contains("{store}")) {
            throw new IllegalArgumentException("hubHostTemplate: must contain {store}");
        }
        if (hubPort < 1 || hubPort > 65535) {
            throw new IllegalArgumentException("hubPort: must be 1-65535");
        }
        positive("tokenTtl", tokenTtl);
        positive("deviceValidity", deviceValidity);
        if (!Objects.requireNonNull(bundleVerificationKey, "bundleVerificationKey")
                .contains("-----BEGIN PUBLIC KEY-----")) {
            throw new IllegalArgumentException("bundleVerificationKey: is not a PEM public key");
        }
        Objects.requireNonNull(pseudonymizationKey, "pseudonymizationKey");
        if (maxFailedAttempts < 1) {
            throw new IllegalArgumentException("maxFailedAttempts: must be >= 1");
        }
        positive("failureWindow", failureWindow);
    }

    /** Settings with the defaults for TTL, validity, hub port 8883 and rate limit. */
    public static ProvisioningSettings of(String provisioningUrl, String hubHostTemplate,
                                          String bundleVerificationKey, PseudonymizationKey pseudonymizationKey) {
        return new ProvisioningSettings(provisioningUrl, hubHostTemplate, 8883, DEFAULT_TOKEN_TTL,
                DeviceCa.DEFAULT_DEVICE_VALIDITY, bundleVerificationKey, pseudonymizationKey,
                DEFAULT_MAX_FAILED_ATTEMPTS, DEFAULT_FAILURE_WINDOW);
    }

    /** The same settings with another token lifetime. */
    public ProvisioningSettings withTokenTtl(Duration ttl) {
        return new ProvisioningSettings(provisioningUrl, hubHostTemplate, hubPort, ttl, deviceValidity,
                bundleVerificationKey, pseudonymizationKey, maxFailedAttempts, failureWindow);
    }

    /** The DNS name of a store's hub. */
    public String hubHost(String storeId) {
        return hubHostTemplate.replace("{store}", storeId);
    }

    private static void positive(String field, Duration value) {
        if (Objects.requireNonNull(value, field).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": must be positive");
        }
    }
}
