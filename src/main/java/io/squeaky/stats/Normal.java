package io.squeaky.stats;

/** The standard normal distribution, as far as confidence levels and p-values need it. */
final class Normal {

    private static final double SQRT_2 = Math.sqrt(2);
    private static final double SQRT_2_PI = Math.sqrt(2 * Math.PI);

    private Normal() {}

    static double cdf(double z) {
        return ErrorFunction.erfc(-z / SQRT_2) / 2;
    }

    static double density(double z) {
        return StrictMath.exp(-z * z / 2) / SQRT_2_PI;
    }

    /**
     * The z with {@code cdf(z) = p}, by Newton's method in the lower tail, where the cdf keeps its
     * relative precision (near 1 it could not resolve 1 - p), mirrored for p above one half. The
     * start, {@code -sqrt(-2 log tail)}, lies within a few tenths of the root, so a handful of
     * steps reach full precision.
     */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + p);
        }
        double tail = Math.min(p, 1 - p);
        double z = -Math.sqrt(-2 * StrictMath.log(tail));
        for (int i = 0; i < 50; i++) {
            double step = (tail - cdf(z)) / density(z);
            z += step;
            if (Math.abs(step) <= 1e-15 * (1 + Math.abs(z))) {
                break;
            }
        }
        return p < 0.5 ? z : -z;
    }
}
