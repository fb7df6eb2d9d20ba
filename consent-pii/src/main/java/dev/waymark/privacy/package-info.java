/**
 * Personal data never leaves the kiosk in the clear: detection of structured PII in free text
 * ({@link dev.waymark.privacy.PiiScanner}), masking of free text and of event fields by policy
 * ({@link dev.waymark.privacy.TextMasker}, {@link dev.waymark.privacy.EventMasker}), pseudonymous tokens under the
 * deployment's key ({@link dev.waymark.privacy.KeyRing}), and the consent model
 * ({@link dev.waymark.privacy.ConsentLedger}, {@link dev.waymark.privacy.TcfConsent},
 * {@link dev.waymark.privacy.GlobalPrivacyControl}).
 *
 * <p>Everything here is pure: no I/O, no clock, no threads. Arguments are never null; a null argument throws
 * {@link java.lang.NullPointerException} naming it.
 */
package dev.waymark.privacy;
