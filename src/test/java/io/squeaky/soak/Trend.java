package io.squeaky.soak;

import java.util.List;
import java.util.Locale;

/**
 * Whether a series sampled over a soak is flat or growing. Warm-up fills buffers and windows, so a
 * healthy series may climb at first; a leak keeps climbing. So the second half is compared with the
 * first: the series grows when its mean rose by more than {@value #TOLERANCE} of the first half's
 * and the second half's least-squares slope still adds more than half that over the second half. A
 * warm-up that levels off fails the second test, noise around a level the first.
 */
record Trend(
        String series,
        double firstHalfMean,
        double secondHalfMean,
        double firstHalfSlopePerMinute,
        double secondHalfSlopePerMinute,
        double secondHalfGrowth,
        boolean growing) {

    static final double TOLERANCE = 0.10;

    record Sample(double seconds, double value) {}

    static Trend of(String series, List<Sample> samples) {
        if (samples.size() < 4) {
            throw new IllegalArgumentException(
                    series + ": at least four samples, not " + samples.size());
        }
        double middle = (samples.get(0).seconds() + samples.get(samples.size() - 1).seconds()) / 2;
        List<Sample> first = samples.stream().filter(s -> s.seconds() <= middle).toList();
        List<Sample> second = samples.stream().filter(s -> s.seconds() > middle).toList();
        double slope1 = slope(first) * 60;
        double slope2 = slope(second) * 60;
        double mean2 = mean(second);
        double minutes2 = (second.get(second.size() - 1).seconds() - second.get(0).seconds()) / 60;
        double growth =
                mean2 == 0
                        ? (slope2 > 0 ? Double.POSITIVE_INFINITY : 0)
                        : slope2 * minutes2 / Math.abs(mean2);
        double mean1 = mean(first);
        double rise =
                mean1 == 0
                        ? (mean2 > 0 ? Double.POSITIVE_INFINITY : 0)
                        : (mean2 - mean1) / Math.abs(mean1);
        boolean growing = rise > TOLERANCE && growth > TOLERANCE / 2;
        return new Trend(series, mean1, mean2, slope1, slope2, growth, growing);
    }

    String verdict() {
        return growing ? "growing" : "flat";
    }

    String json() {
        return String.format(
                Locale.ROOT,
                "{\"series\":\"%s\",\"first_half_mean\":%.1f,\"second_half_mean\":%.1f,"
                        + "\"first_half_slope_per_min\":%.3f,\"second_half_slope_per_min\":%.3f,"
                        + "\"second_half_growth\":%.4f,\"verdict\":\"%s\"}",
                series.replace("\"", "\\\""),
                firstHalfMean,
                secondHalfMean,
                firstHalfSlopePerMinute,
                secondHalfSlopePerMinute,
                secondHalfGrowth,
                verdict());
    }

    private static double mean(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::value).average().orElse(0);
    }

    /** Least-squares slope, value per second; 0 for fewer than two samples. */
    private static double slope(List<Sample> samples) {
        if (samples.size() < 2) {
            return 0;
        }
        double t = samples.stream().mapToDouble(Sample::seconds).average().orElseThrow();
        double v = mean(samples);
        double covariance = 0;
        double variance = 0;
        for (Sample s : samples) {
            covariance += (s.seconds() - t) * (s.value() - v);
            variance += (s.seconds() - t) * (s.seconds() - t);
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
