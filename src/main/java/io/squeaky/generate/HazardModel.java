package io.squeaky.generate;

/**
 * The data-generating process of a ticket's first reply and full resolution: each has a constant
 * baseline hazard, multiplied at every moment by the pressure acting then. Going public on Twitter
 * (the escalation tweet, or the opening tweet of a twitter-first case) multiplies it by {@code
 * hrPublic} from that second on; each customer post so far, the first included, by {@code
 * hrPerPost}; the desk being closed by {@code hrDeskClosed} while it is closed. Reach (per tenfold
 * of followers) and opening inside a brand storm are known at the open and multiply it for the
 * whole case. These are exactly the covariates of {@code case_intervals}, so a Cox model over them
 * recovers {@code hrPublic}, {@code hrPerPost} and {@code hrDeskClosed} (when reach and storms have
 * no effect, the model has no omitted covariate).
 *
 * @param baselineMedianHours the median full resolution time at hazard ratio 1
 * @param firstReplyMedianHours the median first reply time at hazard ratio 1
 * @param escalationMedianHours the median time after the open at which a customer who will go
 *     public tweets, if the ticket is not resolved by then
 * @param postsPerDay the rate of the customer's further posts once public, until the resolution
 */
public record HazardModel(
        double baselineMedianHours,
        double firstReplyMedianHours,
        double hrPublic,
        double hrPerPost,
        double hrDeskClosed,
        double hrTenfoldFollowers,
        double hrStorm,
        double escalationMedianHours,
        double postsPerDay) {

    /**
     * Shortest resolution planted. A ticket needs a few distinct seconds for its own events;
     * raising the rare draws below this moves only values far under any median.
     */
    static final long MINIMUM_RESOLUTION_SECONDS = 120;

    /** Resolutions per second at hazard ratio 1. */
    double resolutionHazard() {
        return perSecond(baselineMedianHours);
    }

    /** First replies per second at hazard ratio 1. */
    double firstReplyHazard() {
        return perSecond(firstReplyMedianHours);
    }

    /** The part of the hazard ratio fixed at the open: reach and storm. */
    double fixedRatio(long followers, boolean storm) {
        double ratio = StrictMath.pow(hrTenfoldFollowers, Math.log10(Math.max(followers, 1)));
        return storm ? ratio * hrStorm : ratio;
    }

    /** The hazard ratio of the pressure acting at one moment. */
    double pressureRatio(boolean isPublic, int posts, boolean deskOpen) {
        double ratio = StrictMath.pow(hrPerPost, posts);
        if (isPublic) {
            ratio *= hrPublic;
        }
        return deskOpen ? ratio : ratio * hrDeskClosed;
    }

    /** Mean seconds between a public customer's posts. */
    double meanPostGapSeconds() {
        return 86_400 / postsPerDay;
    }

    private static double perSecond(double medianHours) {
        return StrictMath.log(2) / (medianHours * 3600);
    }
}
