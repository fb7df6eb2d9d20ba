package dev.waymark.edge;

import dev.waymark.protocol.Rejection;
import java.util.List;
import java.util.Objects;

/**
 * What became of a capture (one event or a batch, all or nothing): {@link Stored} once committed to the outbox,
 * or {@link Refused} with the reason. Nothing refused was stored.
 */
public sealed interface CaptureResult permits CaptureResult.Stored, CaptureResult.Refused {

    /** Why a capture was refused; the HTTP API maps each to a status code. */
    enum Refusal {
        /** The input broke the protocol (400). */
        INVALID,
        /** The input exceeds a size limit (413). */
        TOO_LARGE,
        /** Too many captures wait for the disk; retry later (503). */
        BUSY,
        /** The outbox is full of events that are never dropped (507). */
        OVER_QUOTA
    }

    /**
     * A committed capture; events are listed in capture order, with the session start the agent added, if any.
     *
     * @param events the stored events
     */
    record Stored(List<StoredEvent> events) implements CaptureResult {
        /** Copies the list. */
        public Stored {
            events = List.copyOf(events);
        }
    }

    /**
     * A refused capture.
     *
     * @param refusal   the kind of refusal
     * @param rejection the field and reason
     */
    record Refused(Refusal refusal, Rejection rejection) implements CaptureResult {
        /** Throws NullPointerException naming a missing part. */
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /**
     * One event committed to the outbox.
     *
     * @param id       its ULID
     * @param sequence its device sequence number
     * @param type     its type
     */
    record StoredEvent(String id, long sequence, String type) {
        /** Throws NullPointerException naming a missing part. */
        public StoredEvent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
        }
    }
}
