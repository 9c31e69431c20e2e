package io.squeaky.stats;

/**
 * A ratio of two medians, numerator over denominator, with a bootstrap percentile interval.
 *
 * <p>A median that the data never reach (the curve stays above one half) counts as +infinity: it
 * lies beyond follow-up, later than any observed one. The ratio is then +infinity or 0, and an
 * interval bound can be infinite, which honestly says the data do not bound it. Only a ratio of two
 * undefined medians (or a resample with no one in a group) is itself undefined: such resamples are
 * left out of the percentiles and counted in {@code undefinedReplications}, and {@code estimate} is
 * {@link Double#NaN} when the full data are like that.
 *
 * @param replications the resamples drawn, including the undefined ones
 */
public record MedianRatioInterval(
        double estimate,
        double lower,
        double upper,
        double level,
        int replications,
        int undefinedReplications) {

    public boolean contains(double ratio) {
        return lower <= ratio && ratio <= upper;
    }
}
