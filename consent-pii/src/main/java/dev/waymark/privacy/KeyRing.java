package dev.waymark.privacy;

import dev.waymark.protocol.PersonalData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pseudonymization keys a device emits tokens under: the active key and, during a rotation window, the
 * previous one. Outside a window there is one token per value; inside it there are two, active first, and the cloud
 * links them in the identity graph (DESIGN.md section 9) so identities keep joining across the rotation.
 */
public final class KeyRing {

    private final List<Pseudonymizer> pseudonymizers;

    private KeyRing(List<Pseudonymizer> pseudonymizers) {
        this.pseudonymizers = List.copyOf(pseudonymizers);
    }

    /** A ring with one key; national phone numbers read as {@value PiiScanner#DEFAULT_REGION}. */
    public static KeyRing of(PseudonymizationKey active) {
        return of(active, PiiScanner.DEFAULT_REGION);
    }

    /** A ring with one key; national phone numbers read as {@code phoneRegion}. */
    public static KeyRing of(PseudonymizationKey active, String phoneRegion) {
        Objects.requireNonNull(active, "active");
        return new KeyRing(List.of(Pseudonymizer.of(active, phoneRegion)));
    }

    /**
     * A ring in a rotation window: tokens under {@code active} and under {@code previous}. Throws
     * {@link IllegalArgumentException} when both have the same key id.
     */
    public static KeyRing rotating(PseudonymizationKey active, PseudonymizationKey previous, String phoneRegion) {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(previous, "previous");
        if (active.keyId().equals(previous.keyId())) {
            throw new IllegalArgumentException("previous: key id " + previous.keyId() + " is the active key's id");
        }
        return new KeyRing(List.of(Pseudonymizer.of(active, phoneRegion), Pseudonymizer.of(previous, phoneRegion)));
    }

    /** The token under the active key. */
    public String token(PersonalData kind, String value) {
        return pseudonymizers.get(0).token(kind, value);
    }

    /** One token per key of the ring, the active key's first. */
    public List<String> tokens(PersonalData kind, String value) {
        List<String> tokens = new ArrayList<>(pseudonymizers.size());
        for (Pseudonymizer pseudonymizer : pseudonymizers) {
            tokens.add(pseudonymizer.token(kind, value));
        }
        return List.copyOf(tokens);
    }

    /** The active key's id. */
    public String activeKeyId() {
        return pseudonymizers.get(0).keyId();
    }

    /** True during a rotation window, when values get a token under each of two keys. */
    public boolean inRotation() {
        return pseudonymizers.size() > 1;
    }

    @Override
    public String toString() {
        return "KeyRing" + pseudonymizers.stream().map(Pseudonymizer::keyId).toList();
    }
}
