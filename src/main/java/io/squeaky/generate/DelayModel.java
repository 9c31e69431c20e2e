package io.squeaky.generate;

/**
 * A waiting time drawn from a mix of two log-normal distributions: a desk working through its
 * queue, and a share of posts caught in a backlog or a night shift. One log-normal cannot match
 * TWCS: its first brand replies have a median of 11.5 minutes but a 90th percentile of 380 minutes
 * and a 99th of about 2,700, far heavier than the body predicts.
 */
record DelayModel(
        double fastMedianMinutes,
        double fastSigma,
        double slowShare,
        double slowMedianMinutes,
        double slowSigma,
        long minSeconds,
        long maxSeconds) {

    /**
     * A brand's first reply to a customer post, fitted to the TWCS extract's quantiles (10th to
     * 99th: 2.4, 4.9, 11.5, 50, 380, 793 and 2,737 minutes); this mix gives 2.3, 4.8, 11.8, 45,
     * 349, 793 and 2,702. At most 60 hours: the batch job closes a customer's session after 72
     * quiet hours, and a later reply would fall outside the case of the post it answers, so the
     * job's figures and a plain parent join would no longer agree.
     */
    static final DelayModel BRAND_REPLY = new DelayModel(8, 1.1, 0.22, 300, 1.3, 20, 60 * 3_600);

    /** A customer answering a brand's reply: a median of a quarter of an hour, a long tail. */
    static final DelayModel CUSTOMER_FOLLOW_UP =
            new DelayModel(8, 1.3, 0.25, 600, 1.0, 20, 3 * 86_400);

    /** A customer repeating themselves because nobody answered yet. */
    static final DelayModel NUDGE = new DelayModel(45, 1.0, 0, 45, 1.0, 60, 86_400);

    /** A delay in whole seconds, drawn again until it falls within the bounds. */
    long sampleSeconds(SeededRandom random) {
        while (true) {
            boolean slow = random.chance(slowShare);
            double median = slow ? slowMedianMinutes : fastMedianMinutes;
            double sigma = slow ? slowSigma : fastSigma;
            long seconds = Math.round(median * 60 * StrictMath.exp(sigma * random.nextGaussian()));
            if (seconds >= minSeconds && seconds <= maxSeconds) {
                return seconds;
            }
        }
    }

    /** Share of delays up to the given minutes, ignoring the (tiny) mass beyond the bounds. */
    double cumulative(double minutes) {
        return (1 - slowShare) * logNormalCdf(minutes, fastMedianMinutes, fastSigma)
                + slowShare * logNormalCdf(minutes, slowMedianMinutes, slowSigma);
    }

    /** The median delay in minutes, found by bisection of {@link #cumulative}. */
    double medianMinutes() {
        double low = 0;
        double high = maxSeconds / 60.0;
        for (int i = 0; i < 100; i++) {
            double middle = (low + high) / 2;
            if (cumulative(middle) < 0.5) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    private static double logNormalCdf(double x, double median, double sigma) {
        return x <= 0 ? 0 : 0.5 * (1 + erf(StrictMath.log(x / median) / (sigma * Math.sqrt(2))));
    }

    /** Abramowitz and Stegun 7.1.26: absolute error below 1.5e-7, plenty for a median. */
    private static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double polynomial =
                t
                        * (0.254829592
                                + t
                                        * (-0.284496736
                                                + t
                                                        * (1.421413741
                                                                + t
                                                                        * (-1.453152027
                                                                                + t
                                                                                        * 1.061405429))));
        double value = 1 - polynomial * StrictMath.exp(-x * x);
        return x >= 0 ? value : -value;
    }
}
