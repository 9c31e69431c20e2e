package io.squeaky.generate;

/**
 * SplitMix64 with StrictMath: the same seed gives the same numbers on every JDK and platform, which
 * java.util's generators and Math do not promise.
 */
final class SeededRandom {

    private static final double TWO_PI = 2 * Math.PI;

    private long state;
    private double spareGaussian = Double.NaN;

    SeededRandom(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound); the slight modulo bias is irrelevant for bounds this small. */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal, by Box-Muller; every second call uses the spare value. */
    double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double spare = spareGaussian;
            spareGaussian = Double.NaN;
            return spare;
        }
        double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - nextDouble()));
        double angle = TWO_PI * nextDouble();
        spareGaussian = radius * StrictMath.sin(angle);
        return radius * StrictMath.cos(angle);
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }
}
