/**
 * Zero-touch device provisioning: the device CA ({@link dev.waymark.provisioning.DeviceCa}), the registry of
 * devices, token hashes, audit log and revocation feed ({@link dev.waymark.provisioning.DeviceRegistry},
 * {@link dev.waymark.provisioning.JdbcDeviceRegistry}), the HTTPS enrollment API
 * ({@link dev.waymark.provisioning.ProvisioningRoutes}, {@link dev.waymark.provisioning.ProvisioningVerticle}),
 * the device side ({@link dev.waymark.provisioning.DeviceEnrollment}), the field tech's client
 * ({@link dev.waymark.provisioning.ProvisioningAdmin}), QR codes ({@link dev.waymark.provisioning.EnrollmentQr})
 * and the TLS trust hubs and devices use ({@link dev.waymark.provisioning.DeviceTrust},
 * {@link dev.waymark.provisioning.RevocationFollower}). docs/provisioning.md describes the protocol.
 *
 * <p>Arguments are never null; optional values are {@link java.util.Optional}. Secrets (CA and keystore passwords,
 * the admin API key) are passed in by the caller, who reads them from the environment; nothing here logs them.
 */
package dev.waymark.provisioning;
