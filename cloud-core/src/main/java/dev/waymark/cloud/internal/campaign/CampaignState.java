package dev.waymark.cloud.internal.campaign;

import java.util.Locale;

/** Where a campaign is in its life; the wire name is the lower-case name. */
public enum CampaignState {
    /** Waiting for its start time. */
    SCHEDULED,
    /** Partitions are being decided. */
    RUNNING,
    /** Stopped by an operator; resumes from the checkpoints. */
    PAUSED,
    /** Every partition decided. */
    DONE,
    /** Could not run (its segment no longer evaluates, a partition failed); the note says why. */
    FAILED,
    /** Stopped for good by an operator; what was decided stays decided. */
    CANCELLED;

    /** {@code scheduled}, {@code running}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when nothing more will be decided. */
    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
