package io.squeaky.clock;

import java.io.Serializable;

/**
 * One span of a working day, in seconds after local midnight: {@code [start, end)}. An end of
 * 86,400 is midnight at the end of the day, so a desk open until midnight is {@code 18:00-24:00}.
 */
public record OpeningHours(int startSecond, int endSecond) implements Serializable {

    public static final int DAY = 86_400;

    public OpeningHours {
        if (startSecond < 0 || endSecond > DAY || startSecond >= endSecond) {
            throw new IllegalArgumentException(
                    "opening hours must satisfy 00:00 <= start < end <= 24:00");
        }
    }

    /** Parses {@code HH:MM-HH:MM}; the end may be {@code 24:00}. */
    public static OpeningHours parse(String text) {
        String[] ends = text.strip().split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM, not '" + text + "'");
        }
        return new OpeningHours(secondOfDay(ends[0]), secondOfDay(ends[1]));
    }

    private static int secondOfDay(String hhmm) {
        String[] parts = hhmm.strip().split(":");
        try {
            int hours = Integer.parseInt(parts[0]);
            int minutes = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (parts.length > 2
                    || hours < 0
                    || hours > 24
                    || minutes < 0
                    || minutes > 59
                    || (hours == 24 && minutes != 0)) {
                throw new NumberFormatException();
            }
            return hours * 3600 + minutes * 60;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a time of day: '" + hhmm + "'", e);
        }
    }
}
