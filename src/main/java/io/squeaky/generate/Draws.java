package io.squeaky.generate;

import java.util.SplittableRandom;

/** The few distributions the generator draws from. */
final class Draws {

    private Draws() {}

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** A whole second strictly between {@code after} and {@code before}; needs a gap of two. */
    static long secondBetween(SplittableRandom random, long after, long before) {
        return random.nextLong(after + 1, before);
    }

    static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * StrictMath.exp(sigma * random.nextGaussian());
    }

    static double standardExponential(SplittableRandom random) {
        return -StrictMath.log(1 - random.nextDouble());
    }
}
