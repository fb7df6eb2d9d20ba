package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One action of the catalog: an offer, a help prompt or a service message, and the rule that decides who may get
 * it. Values are validated on construction; use {@link #builder(String)} for the defaults.
 *
 * @param id             unique id, {@code [A-Za-z0-9_.:-]{1,64}}
 * @param category       sales, care or service
 * @param channels       channels it can be delivered on (non-empty)
 * @param placements     slots it can fill on those channels, e.g. {@code "home-banner"} (non-empty)
 * @param validFrom      first instant it may be chosen (inclusive)
 * @param validUntil     instant from which it may no longer be chosen (exclusive)
 * @param value          business value of one success (>= 0), the V of P x V x W
 * @param weight         business lever (>= 0), the W of P x V x W
 * @param timeToLive     how long a chosen action stays valid on the device (> 0)
 * @param consentPurpose the consent purpose it needs (sales); care and service go under legitimate interest
 * @param edgeDecidable  true when a kiosk may decide it offline, so its rule must not read {@code profile}
 * @param eligibility    CEL source over {@code profile}, {@code journey}, {@code event}, {@code context}; must be bool
 * @throws IllegalArgumentException naming the field that is invalid
 */
public record ActionDefinition(
        String id,
        ActionCategory category,
        Set<Channel> channels,
        Set<String> placements,
        Instant validFrom,
        Instant validUntil,
        double value,
        double weight,
        Duration timeToLive,
        String consentPurpose,
        boolean edgeDecidable,
        String eligibility) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public ActionDefinition {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: must match " + ID.pattern() + ", got '" + id + "'");
        }
        Objects.requireNonNull(category, "category");
        if (channels == null || channels.isEmpty()) {
            throw new IllegalArgumentException("channels: action " + id + " needs at least one channel");
        }
        // Sorted, unmodifiable copies: Set.copyOf iterates in a per-JVM random order, which would break determinism.
        channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
        if (placements == null || placements.isEmpty() || placements.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("placements: action " + id + " needs non-blank placements");
        }
        placements = Collections.unmodifiableSortedSet(new TreeSet<>(placements));
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil: action " + id + " ends before it starts");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value: action " + id + " needs a finite value >= 0");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight: action " + id + " needs a finite weight >= 0");
        }
        if (timeToLive == null || timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive: action " + id + " needs a positive time to live");
        }
        if (consentPurpose == null || consentPurpose.isBlank()) {
            throw new IllegalArgumentException("consentPurpose: action " + id + " needs a purpose");
        }
        if (eligibility == null || eligibility.isBlank()) {
            throw new IllegalArgumentException("eligibility: action " + id + " needs a rule (use \"true\")");
        }
    }

    /** True when {@code now} lies in [validFrom, validUntil). */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(validFrom) && now.isBefore(validUntil);
    }

    /**
     * A builder with defaults: category SALES, always valid, value 1, weight 1, time to live 15 minutes, purpose
     * {@code "marketing"}, not edge-decidable, eligibility {@code "true"}. Channels and placements have no default.
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds an {@link ActionDefinition}; {@link #build()} validates. */
    public static final class Builder {
        private final String id;
        private ActionCategory category = ActionCategory.SALES;
        private Set<Channel> channels = Set.of();
        private Set<String> placements = Set.of();
        private Instant validFrom = Instant.EPOCH;
        private Instant validUntil = Instant.parse("9999-12-31T23:59:59Z");
        private double value = 1.0;
        private double weight = 1.0;
        private Duration timeToLive = Duration.ofMinutes(15);
        private String consentPurpose = "marketing";
        private boolean edgeDecidable;
        private String eligibility = "true";

        private Builder(String id) {
            this.id = id;
        }

        public Builder category(ActionCategory category) {
            this.category = category;
            return this;
        }

        public Builder channels(Channel... channels) {
            this.channels = Set.of(channels);
            return this;
        }

        public Builder placements(String... placements) {
            this.placements = Set.of(placements);
            return this;
        }

        public Builder validity(Instant from, Instant until) {
            this.validFrom = from;
            this.validUntil = until;
            return this;
        }

        public Builder value(double value) {
            this.value = value;
            return this;
        }

        public Builder weight(double weight) {
            this.weight = weight;
            return this;
        }

        public Builder timeToLive(Duration timeToLive) {
            this.timeToLive = timeToLive;
            return this;
        }

        public Builder consentPurpose(String consentPurpose) {
            this.consentPurpose = consentPurpose;
            return this;
        }

        public Builder edgeDecidable(boolean edgeDecidable) {
            this.edgeDecidable = edgeDecidable;
            return this;
        }

        public Builder eligibility(String eligibility) {
            this.eligibility = eligibility;
            return this;
        }

        public ActionDefinition build() {
            return new ActionDefinition(id, category, channels, placements, validFrom, validUntil, value, weight,
                    timeToLive, consentPurpose, edgeDecidable, eligibility);
        }
    }
}
