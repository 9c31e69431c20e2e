package io.squeaky.soak;

import java.util.List;
import java.util.Locale;

/**
 * Whether a series sampled over a soak is flat or growing. Warm-up fills buffers and windows, so a
 * healthy series may climb at first; a leak keeps climbing. So the verdict looks at the second
 * half: the series grows when the least-squares slope fitted to its second half exceeds {@value
 * #BOUND_PER_TEN_MINUTES} of the second half's mean per ten minutes, and the rise from the first
 * half's mean to the second's, per ten minutes between the halves' midpoints, exceeds the same
 * bound. A warm-up that levels off fails the first test; noise that tilts the second half's fit
 * around a steady level fails the second. A leak of more than the bound passes both.
 */
record Trend(
        String series,
        double firstHalfMean,
        double secondHalfMean,
        double secondHalfSlopePerTenMinutes,
        double slopeStandardError,
        double risePerTenMinutes,
        boolean growing) {

    static final double BOUND_PER_TEN_MINUTES = 0.05;

    record Sample(double seconds, double value) {}

    static Trend of(String series, List<Sample> samples) {
        if (samples.size() < 4) {
            throw new IllegalArgumentException(
                    series + ": at least four samples, not " + samples.size());
        }
        double middle = (samples.get(0).seconds() + samples.get(samples.size() - 1).seconds()) / 2;
        List<Sample> first = samples.stream().filter(s -> s.seconds() <= middle).toList();
        List<Sample> second = samples.stream().filter(s -> s.seconds() > middle).toList();
        double mean1 = mean(first);
        double mean2 = mean(second);
        Fit fit = Fit.of(second);
        double apart = (midpoint(second) - midpoint(first)) / 600;
        double rise = apart == 0 ? 0 : (mean2 - mean1) / apart;
        double bound = BOUND_PER_TEN_MINUTES * Math.abs(mean2);
        boolean growing = fit.perTenMinutes() > bound && rise > bound;
        return new Trend(
                series, mean1, mean2, fit.perTenMinutes(), fit.standardError(), rise, growing);
    }

    /** The bound the second half's slope is held to: a share of its mean, per ten minutes. */
    double boundPerTenMinutes() {
        return BOUND_PER_TEN_MINUTES * Math.abs(secondHalfMean);
    }

    String verdict() {
        return growing ? "growing" : "flat";
    }

    String json() {
        return String.format(
                Locale.ROOT,
                "{\"series\":\"%s\",\"first_half_mean\":%.2f,\"second_half_mean\":%.2f,"
                        + "\"second_half_slope_per_10min\":%.3f,\"slope_standard_error\":%.3f,"
                        + "\"rise_between_halves_per_10min\":%.3f,\"bound_per_10min\":%.3f,"
                        + "\"verdict\":\"%s\"}",
                series.replace("\"", "\\\""),
                firstHalfMean,
                secondHalfMean,
                secondHalfSlopePerTenMinutes,
                slopeStandardError,
                risePerTenMinutes,
                boundPerTenMinutes(),
                verdict());
    }

    private static double mean(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::value).average().orElse(0);
    }

    private static double midpoint(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::seconds).average().orElse(0);
    }

    /** A least-squares line through samples: its slope per ten minutes and that slope's error. */
    private record Fit(double perTenMinutes, double standardError) {

        static Fit of(List<Sample> samples) {
            if (samples.size() < 2) {
                return new Fit(0, Double.NaN);
            }
            double t = midpoint(samples);
            double v = mean(samples);
            double covariance = 0;
            double variance = 0;
            for (Sample s : samples) {
                covariance += (s.seconds() - t) * (s.value() - v);
                variance += (s.seconds() - t) * (s.seconds() - t);
            }
            if (variance == 0) {
                return new Fit(0, Double.NaN);
            }
            double slope = covariance / variance;
            double residuals = 0;
            for (Sample s : samples) {
                double r = s.value() - v - slope * (s.seconds() - t);
                residuals += r * r;
            }
            double error =
                    samples.size() > 2
                            ? Math.sqrt(residuals / (samples.size() - 2) / variance)
                            : Double.NaN;
            return new Fit(slope * 600, error * 600);
        }
    }
}
