package io.squeaky.generate;

import java.time.LocalDate;

/**
 * ISO-8601 UTC timestamps of whole epoch seconds, as the desk export ({@code 2017-10-02T09:13:00Z})
 * and the Twitter API ({@code 2017-10-02T09:13:00.000Z}) write them. The date part is cached:
 * output goes out in time order, so most timestamps share the previous one's day.
 */
final class IsoTimestamps {

    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    void appendSeconds(StringBuilder out, long epochSecond) {
        appendTime(out, epochSecond);
        out.append('Z');
    }

    void appendMillis(StringBuilder out, long epochSecond) {
        appendTime(out, epochSecond);
        out.append(".000Z");
    }

    private void appendTime(StringBuilder out, long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = LocalDate.ofEpochDay(day) + "T";
        }
        int second = (int) Math.floorMod(epochSecond, 86_400L);
        out.append(cachedDate);
        twoDigits(out, second / 3600);
        out.append(':');
        twoDigits(out, second / 60 % 60);
        out.append(':');
        twoDigits(out, second % 60);
    }

    private static void twoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
