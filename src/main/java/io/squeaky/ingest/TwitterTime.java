package io.squeaky.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps Twitter writes. The classic form {@code Tue Oct 31 22:10:47 +0000 2017}
 * (v1.1 and the TWCS extract) is parsed by hand: java.time's pattern parser was a quarter of the
 * batch job's parsing time.
 */
public final class TwitterTime {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private TwitterTime() {}

    /** Epoch millis of a {@code EEE MMM dd HH:mm:ss Z yyyy} timestamp. */
    public static long parseClassic(String s) {
        String t = s.strip();
        if (t.length() != 30
                || t.charAt(3) != ' '
                || t.charAt(7) != ' '
                || t.charAt(10) != ' '
                || t.charAt(13) != ':'
                || t.charAt(16) != ':'
                || t.charAt(19) != ' '
                || t.charAt(25) != ' ') {
            throw new IllegalArgumentException("not a Twitter timestamp: " + s);
        }
        int monthIndex = MONTHS.indexOf(t.substring(4, 7));
        if (monthIndex < 0 || monthIndex % 3 != 0) {
            throw new IllegalArgumentException("unknown month in " + s);
        }
        int month = monthIndex / 3 + 1;
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        char sign = t.charAt(20);
        int offsetHours = digits(t, 21, 23);
        int offsetMinutesPart = digits(t, 23, 25);
        int offsetMinutes = offsetHours * 60 + offsetMinutesPart;
        int year = digits(t, 26, 30);
        if (day < 1
                || day > lengthOfMonth(year, month)
                || hour > 23
                || offsetMinutesPart > 59
                || offsetHours > 18
                || minute > 59
                || second > 59
                || (sign != '+' && sign != '-')) {
            throw new IllegalArgumentException("impossible timestamp: " + s);
        }
        long epochDay = epochDay(year, month, day);
        long seconds = epochDay * 86_400L + hour * 3_600L + minute * 60L + second;
        seconds -= (sign == '+' ? 1 : -1) * offsetMinutes * 60L;
        return seconds * 1000L;
    }

    /** Epoch millis of an ISO-8601 instant such as {@code 2021-01-01T10:00:00.000Z} (API v2). */
    public static long parseIso(String s) {
        try {
            return Instant.parse(s.strip()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant: " + s, e);
        } catch (ArithmeticException e) {
            // Instant reaches a billion years, epoch millis only 292 million.
            throw new IllegalArgumentException("instant out of range: " + s, e);
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a Twitter timestamp: " + s);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
