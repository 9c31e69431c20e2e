package io.squeaky.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Writes epoch seconds the way Twitter's v1.1 API and TWCS do: {@code Tue Oct 31 22:10:47 +0000
 * 2017}, always UTC. The day's parts are cached because consecutive rows mostly fall on a few dozen
 * days; the names are spelled out rather than taken from a locale, whose abbreviations differ
 * between JDKs ("Sep" or "Sept").
 */
final class TwitterTimestamps {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final int CACHED_DAYS = 256;

    private final long[] cachedDay = new long[CACHED_DAYS];
    private final byte[][] dayPrefix = new byte[CACHED_DAYS][];
    private final byte[][] zoneAndYear = new byte[CACHED_DAYS][];

    TwitterTimestamps() {
        Arrays.fill(cachedDay, Long.MIN_VALUE);
    }

    void write(ByteSink out, long epochSecond) throws IOException {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int slot = (int) Math.floorMod(day, CACHED_DAYS);
        if (cachedDay[slot] != day) {
            LocalDate date = LocalDate.ofEpochDay(day);
            dayPrefix[slot] =
                    String.format(
                                    "%s %s %02d ",
                                    DAYS[date.getDayOfWeek().ordinal()],
                                    MONTHS[date.getMonthValue() - 1],
                                    date.getDayOfMonth())
                            .getBytes(StandardCharsets.US_ASCII);
            zoneAndYear[slot] = (" +0000 " + date.getYear()).getBytes(StandardCharsets.US_ASCII);
            cachedDay[slot] = day;
        }
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        out.write(dayPrefix[slot]);
        out.writeTwoDigits(secondOfDay / 3600);
        out.write(':');
        out.writeTwoDigits(secondOfDay / 60 % 60);
        out.write(':');
        out.writeTwoDigits(secondOfDay % 60);
        out.write(zoneAndYear[slot]);
    }
}
