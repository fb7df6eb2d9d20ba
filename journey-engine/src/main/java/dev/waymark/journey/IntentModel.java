package dev.waymark.journey;

import dev.waymark.journey.internal.FeatureVectors;
import dev.waymark.journey.internal.LogisticFit;
import dev.waymark.journey.internal.ModelCodec;
import dev.waymark.journey.internal.Resources;
import java.util.List;
import java.util.Objects;

/**
 * Purchase-intent score of a session: a logistic regression over {@link SessionFeatures}, trained by
 * {@link IntentModelTrainer} on the UCI Online Shoppers data. {@code 1 - score} serves as abandonment risk.
 * The shipped coefficients live in the {@code intent-model.json} resource ({@link #defaults()}).
 */
public final class IntentModel {

    private static final String SHIPPED = "intent-model.json";

    private final LogisticFit fit;
    private final double threshold;
    private final String provenance;

    private IntentModel(LogisticFit fit, double threshold, String provenance) {
        this.fit = Objects.requireNonNull(fit, "fit");
        this.threshold = threshold;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    static IntentModel of(LogisticFit fit, double threshold, String provenance) {
        if (fit.weights().length != FeatureVectors.sessionNames().size()) {
            throw new IllegalArgumentException("weights: expected " + FeatureVectors.sessionNames().size());
        }
        return new IntentModel(fit, threshold, provenance);
    }

    /**
     * The shipped model.
     *
     * @throws IllegalStateException if the resource is missing or invalid (a packaging error)
     */
    public static IntentModel defaults() {
        Loaded<IntentModel, String> loaded = fromJson(Resources.text(IntentModel.class, SHIPPED));
        if (!loaded.ok()) {
            throw new IllegalStateException(SHIPPED + " is invalid: " + loaded.errors());
        }
        return loaded.orElseThrow();
    }

    /** Reads a model written by {@link #toJson()}; errors name the field ("weights: expected 24 numbers"). */
    public static Loaded<IntentModel, String> fromJson(String json) {
        return ModelCodec.read(json, (fit, threshold, provenance) -> new IntentModel(fit, threshold, provenance));
    }

    /** The probability (0..1) that this session ends in a purchase. */
    public double score(SessionFeatures session) {
        return fit.probability(FeatureVectors.session(session));
    }

    /** The cut-off that maximised F1 on the training rows; {@code score >= threshold} reads as "will buy". */
    public double threshold() {
        return threshold;
    }

    /** Where the coefficients come from (data set, split, seed, rows), as recorded by the trainer. */
    public String provenance() {
        return provenance;
    }

    /** Weights on the standardised features, in {@link #featureNames()} order. */
    public double[] weights() {
        return fit.weights().clone();
    }

    /** The bias term. */
    public double intercept() {
        return fit.intercept();
    }

    /** The names of the model's inputs, in order ("log1p(productSeconds)", "month=NOVEMBER", ...). */
    public List<String> featureNames() {
        return FeatureVectors.sessionNames();
    }

    /** The JSON form, read back by {@link #fromJson(String)}; doubles are written so they read back exactly. */
    public String toJson() {
        return ModelCodec.write(fit, threshold, provenance);
    }
}
