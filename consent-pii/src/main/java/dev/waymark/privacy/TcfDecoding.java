package dev.waymark.privacy;

import java.util.Objects;

/** The outcome of {@link TcfConsent#decode}: the decoded consent, or a rejection naming the problem. */
public sealed interface TcfDecoding {

    /** A TC string that decoded. */
    record Decoded(TcfConsent consent) implements TcfDecoding {
        /** Throws {@link NullPointerException} naming {@code consent}. */
        public Decoded {
            Objects.requireNonNull(consent, "consent");
        }
    }

    /** A TC string that did not; {@code reason} names the field and the problem. */
    record Rejected(String reason) implements TcfDecoding {
        /** Throws {@link NullPointerException} naming {@code reason}. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
