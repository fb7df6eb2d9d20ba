package dev.waymark.decision.internal;

import java.util.random.RandomGenerator;

/** Beta draws as X / (X + Y) with X, Y Gamma-distributed (Marsaglia and Tsang, ACM TOMS 26(3), 2000). */
public final class BetaSampler {

    private BetaSampler() {
    }

    public static double sample(double alpha, double beta, RandomGenerator random) {
        double x = gamma(alpha, random);
        double y = gamma(beta, random);
        double sum = x + y;
        // Both shapes tiny can underflow to 0/0; the mean is the honest answer then.
        return sum > 0 ? x / sum : alpha / (alpha + beta);
    }

    static double gamma(double shape, RandomGenerator random) {
        if (shape < 1) {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a), same paper, section 6.
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
