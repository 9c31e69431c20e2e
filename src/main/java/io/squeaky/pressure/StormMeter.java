package io.squeaky.pressure;

import io.squeaky.records.BrandActivity;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * Measures a brand storm as of each complaint, looking only backwards: complaints against the brand
 * in the trailing hour (the current one included) against the brand's mean hourly complaints over
 * the seven days before that hour. Minute resolution. The ratio is unknown (null) until the brand
 * has a day of history and at least 24 complaints in its baseline: a rate read off fewer is noise,
 * and one complaint against a near-empty week is not a storm. With less than seven days of history
 * the mean is over the hours available. Complaints must be observed in event-time order.
 */
public final class StormMeter implements Serializable {

    static final int HOUR = 60;
    static final int BASELINE = 7 * 24 * 60;
    static final int MINIMUM_HISTORY = 24 * 60;
    static final int MINIMUM_BASELINE_COMPLAINTS = 24;

    public static BrandActivity newActivity(long epochMillis) {
        return BrandActivity.newBuilder()
                .setFirstMinute(Math.floorDiv(epochMillis, 60_000L))
                .setMinutes(new ArrayList<>())
                .setCounts(new ArrayList<>())
                .setRecentStart(0)
                .setRecentCount(0)
                .setBaselineCount(0)
                .build();
    }

    /** Counts a complaint at {@code epochMillis} and returns the storm ratio as of it. */
    public Double observe(BrandActivity activity, long epochMillis) {
        long minute = Math.floorDiv(epochMillis, 60_000L);
        add(activity, minute);
        slide(activity, minute);
        long history = (minute - HOUR) - activity.getFirstMinute() + 1;
        if (history < MINIMUM_HISTORY
                || activity.getBaselineCount() < MINIMUM_BASELINE_COMPLAINTS) {
            return null;
        }
        double hours = Math.min(history, BASELINE) / 60.0;
        double baselinePerHour = activity.getBaselineCount() / hours;
        return activity.getRecentCount() / baselinePerHour;
    }

    /** Whether the activity holds nothing a later complaint at {@code epochMillis} could see. */
    public boolean expired(BrandActivity activity, long epochMillis) {
        long minute = Math.floorDiv(epochMillis, 60_000L);
        var minutes = activity.getMinutes();
        return minutes.isEmpty() || minutes.get(minutes.size() - 1) <= minute - HOUR - BASELINE;
    }

    private static void add(BrandActivity activity, long minute) {
        var minutes = activity.getMinutes();
        var counts = activity.getCounts();
        int last = minutes.size() - 1;
        if (last >= 0 && minutes.get(last) == minute) {
            counts.set(last, counts.get(last) + 1);
        } else {
            minutes.add(minute);
            counts.add(1);
        }
        activity.setRecentCount(activity.getRecentCount() + 1);
    }

    private static void slide(BrandActivity activity, long minute) {
        var minutes = activity.getMinutes();
        var counts = activity.getCounts();
        int recentStart = activity.getRecentStart();
        while (minutes.get(recentStart) <= minute - HOUR) {
            activity.setRecentCount(activity.getRecentCount() - counts.get(recentStart));
            activity.setBaselineCount(activity.getBaselineCount() + counts.get(recentStart));
            recentStart++;
        }
        int evict = 0;
        while (evict < recentStart && minutes.get(evict) <= minute - HOUR - BASELINE) {
            activity.setBaselineCount(activity.getBaselineCount() - counts.get(evict));
            evict++;
        }
        if (evict > 0) {
            minutes.subList(0, evict).clear();
            counts.subList(0, evict).clear();
            recentStart -= evict;
        }
        activity.setRecentStart(recentStart);
    }
}
