package io.squeaky.clock;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a brand's support desk works: a time zone, opening hours for each day of the week (several
 * spans a day allowed) and holidays. Answers how many business seconds lie between two instants,
 * with daylight-saving transitions taken from the zone's rules: a spring-forward night has an hour
 * less, a fall-back night an hour more.
 */
public final class BusinessSchedule implements Serializable {

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> week;
    private final Set<LocalDate> holidays;

    /** Two months of dates: the follow-up of most cases, with the days before its start. */
    private static final int RECENT_DAYS = 64;

    private transient DaySpans[] recentDays;

    public BusinessSchedule(
            ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> this.week.put(day, sorted(day, hours)));
        this.holidays = new TreeSet<>(holidays);
    }

    /** A desk that never closes: business time equals calendar time. */
    public static BusinessSchedule alwaysOpen(ZoneId zone) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new OpeningHours(0, OpeningHours.DAY)));
        }
        return new BusinessSchedule(zone, week, Set.of());
    }

    /** Monday to Friday, 09:00 to 17:00 local time, no holidays. */
    public static BusinessSchedule officeHours(ZoneId zone) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(OpeningHours.parse("09:00-17:00")));
            }
        }
        return new BusinessSchedule(zone, week, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /** Business seconds in {@code [from, to)}; zero when {@code to <= from}. */
    public long businessSeconds(Instant from, Instant to) {
        return Math.floorDiv(businessMillis(from, to), 1000L);
    }

    /**
     * Business milliseconds in {@code [from, to)}; zero when {@code to <= from}. Sums of these over
     * adjacent spans floor to the same seconds as {@link #businessSeconds} over their union.
     */
    public long businessMillis(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long millis = 0;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            for (Instant[] span : spans(day)) {
                Instant start = span[0].isAfter(from) ? span[0] : from;
                Instant end = span[1].isBefore(to) ? span[1] : to;
                if (end.isAfter(start)) {
                    millis += end.toEpochMilli() - start.toEpochMilli();
                }
            }
        }
        return millis;
    }

    /** Whether the desk is working at this instant. */
    public boolean isOpen(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, zone);
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            for (Instant[] span : spans(day)) {
                if (!at.isBefore(span[0]) && at.isBefore(span[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The instants in {@code (from, to)} at which the desk opens or closes, in time order: where
     * {@link #isOpen} changes. Spans that touch (a day's end and the next day's start) make no
     * change.
     */
    public List<Instant> changes(Instant from, Instant to) {
        List<Instant> edges = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            for (Instant[] span : spans(day)) {
                for (Instant edge : span) {
                    if (edge.isAfter(from) && edge.isBefore(to)) {
                        edges.add(edge);
                    }
                }
            }
        }
        // A list sorted once, not a sorted set: this runs for every case a batch run cuts into
        // intervals, and spans that touch give the same edge twice.
        edges.sort(null);
        List<Instant> changes = new ArrayList<>();
        boolean open = isOpen(from);
        Instant previous = null;
        for (Instant edge : edges) {
            if (edge.equals(previous)) {
                continue;
            }
            previous = edge;
            boolean after = isOpen(edge);
            if (after != open) {
                changes.add(edge);
                open = after;
            }
        }
        return changes;
    }

    /**
     * The share of one local hour of a weekday that the weekly schedule declares open, holidays
     * aside: what the desk says about that hour of a normal week.
     */
    public double declaredOpenShare(DayOfWeek day, int hourOfDay) {
        int from = hourOfDay * 3600;
        int to = from + 3600;
        int open = 0;
        for (OpeningHours hours : week.getOrDefault(day, List.of())) {
            open +=
                    Math.max(
                            0,
                            Math.min(to, hours.endSecond()) - Math.max(from, hours.startSecond()));
        }
        return open / 3600.0;
    }

    /**
     * The working spans of one local date as instants; none on a holiday. A follow-up asks for the
     * same few dates again and again (each interval's business time, each change of the desk), and
     * the zone's rules are slow to apply, so recent dates are remembered. Callers never change the
     * arrays.
     */
    private Instant[][] spans(LocalDate day) {
        long epochDay = day.toEpochDay();
        DaySpans[] memo = recentDays;
        if (memo == null) {
            memo = new DaySpans[RECENT_DAYS];
            recentDays = memo;
        }
        int slot = (int) Math.floorMod(epochDay, (long) RECENT_DAYS);
        DaySpans known = memo[slot];
        if (known != null && known.epochDay() == epochDay) {
            return known.spans();
        }
        Instant[][] spans = computeSpans(day);
        // Another thread may write the slot too: each entry is immutable and either is right.
        memo[slot] = new DaySpans(epochDay, spans);
        return spans;
    }

    private Instant[][] computeSpans(LocalDate day) {
        if (holidays.contains(day)) {
            return new Instant[0][];
        }
        List<OpeningHours> hours = week.getOrDefault(day.getDayOfWeek(), List.of());
        Instant[][] spans = new Instant[hours.size()][];
        for (int i = 0; i < spans.length; i++) {
            spans[i] =
                    new Instant[] {
                        instant(day, hours.get(i).startSecond()),
                        instant(day, hours.get(i).endSecond())
                    };
        }
        return spans;
    }

    /** A date's spans, as {@link #spans} remembers them. */
    private record DaySpans(long epochDay, Instant[][] spans) {}

    /**
     * The instant of a local time of day. A time skipped by a spring-forward transition maps to the
     * instant the clocks jumped to; a repeated fall-back time maps to its first occurrence.
     */
    private Instant instant(LocalDate day, int secondOfDay) {
        if (secondOfDay == OpeningHours.DAY) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay), zone).toInstant();
    }

    private static List<OpeningHours> sorted(DayOfWeek day, List<OpeningHours> hours) {
        List<OpeningHours> copy = new ArrayList<>(hours);
        copy.sort((a, b) -> Integer.compare(a.startSecond(), b.startSecond()));
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).startSecond() < copy.get(i - 1).endSecond()) {
                throw new IllegalArgumentException("overlapping opening hours on " + day);
            }
        }
        return List.copyOf(copy);
    }

    @Override
    public String toString() {
        return "BusinessSchedule[" + zone + ", " + week + ", holidays " + holidays + "]";
    }
}
