package io.squeaky.pressure;

import io.squeaky.records.BrandActivity;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * Measures a brand storm as of each complaint, looking only backwards: complaints against the brand
 * in the trailing hour (the current one included) against the brand's mean hourly complaints over
 * the seven days before that hour. Minute resolution. The ratio is unknown (null) until the
 * baseline holds at least 24 complaints from more than a day before the trailing hour: a rate read
 * off fewer is noise, and a burst must not be judged against itself (an extract that starts in the
 * middle of one holds little else). With less than seven days of history the mean is over the hours
 * available. Complaints must be observed in event-time order.
 */
public final class StormMeter implements Serializable {

    static final int HOUR = 60;
    static final int BASELINE = 7 * 24 * 60;
    static final int SETTLED_AGE = 24 * 60;
    static final int MINIMUM_SETTLED_COMPLAINTS = 24;

    public static BrandActivity newActivity(long epochMillis) {
        return BrandActivity.newBuilder()
                .setFirstMinute(Math.floorDiv(epochMillis, 60_000L))
                .setMinutes(new ArrayList<>())
                .setCounts(new ArrayList<>())
                .setRecentStart(0)
                .setRecentCount(0)
                .setBaselineCount(0)
                .setSettledEnd(0)
                .setSettledCount(0)
                .build();
    }

    /** Counts a complaint at {@code epochMillis} and returns the storm ratio as of it. */
    public Double observe(BrandActivity activity, long epochMillis) {
        long minute = Math.floorDiv(epochMillis, 60_000L);
        add(activity, minute);
        slide(activity, minute);
        if (activity.getSettledCount() < MINIMUM_SETTLED_COMPLAINTS) {
            return null;
        }
        long history = (minute - HOUR) - activity.getFirstMinute() + 1;
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
        int settledEnd = activity.getSettledEnd();
        while (settledEnd < recentStart && minutes.get(settledEnd) <= minute - HOUR - SETTLED_AGE) {
            activity.setSettledCount(activity.getSettledCount() + counts.get(settledEnd));
            settledEnd++;
        }
        int evict = 0;
        while (evict < recentStart && minutes.get(evict) <= minute - HOUR - BASELINE) {
            activity.setBaselineCount(activity.getBaselineCount() - counts.get(evict));
            // What leaves the week is older than a day, so it was settled.
            activity.setSettledCount(activity.getSettledCount() - counts.get(evict));
            evict++;
        }
        if (evict > 0) {
            minutes.subList(0, evict).clear();
            counts.subList(0, evict).clear();
            recentStart -= evict;
            settledEnd -= evict;
        }
        activity.setRecentStart(recentStart);
        activity.setSettledEnd(settledEnd);
    }
}
