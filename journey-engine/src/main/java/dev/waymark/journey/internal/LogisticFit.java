package dev.waymark.journey.internal;

/**
 * L2-regularised logistic regression fitted by iteratively reweighted least squares (Newton's method) on
 * standardised features. Newton needs no learning rate and converges in about ten iterations here, and its
 * result depends only on the data, so the same rows always give the same coefficients.
 *
 * @param mean per-feature training mean
 * @param scale per-feature training standard deviation (1 for a constant feature)
 * @param weights weights on the standardised features
 * @param intercept the bias, not penalised
 */
public record LogisticFit(double[] mean, double[] scale, double[] weights, double intercept) {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    /** Fits the model minimising the summed log-loss plus {@code l2 / 2 * |weights|^2}. */
    public static LogisticFit fit(double[][] x, int[] y, double l2) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1.0;
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1.0;
            for (int j = 0; j < d; j++) {
                z[i][j + 1] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[] beta = new double[d + 1];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(beta, z[i]));
                double w = Math.max(p * (1 - p), 1e-12);
                double r = y[i] - p;
                for (int a = 0; a <= d; a++) {
                    gradient[a] += r * z[i][a];
                    double wa = w * z[i][a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += wa * z[i][b];
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                gradient[a] -= l2 * beta[a];
                hessian[a][a] += l2;
            }
            double[] step = Cholesky.solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a <= d; a++) {
                beta[a] += step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < TOLERANCE) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(beta, 1, weights, 0, d);
        return new LogisticFit(mean, scale, weights, beta[0]);
    }

    /** The predicted probability of the positive class for raw (unstandardised) features. */
    public double probability(double[] features) {
        double s = intercept;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * (features[j] - mean[j]) / scale[j];
        }
        return sigmoid(s);
    }

    static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
