package io.squeaky.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final long HOUR = 3600;

    @Test
    void aSpringForwardDayHasTwentyThreeHoursAndAFallBackDayTwentyFive() {
        for (ZoneId zone : List.of(NEW_YORK, MADRID)) {
            BusinessSchedule desk = BusinessSchedule.alwaysOpen(zone);
            LocalDate spring =
                    zone.equals(NEW_YORK) ? LocalDate.of(2017, 3, 12) : LocalDate.of(2017, 3, 26);
            LocalDate fall =
                    zone.equals(NEW_YORK) ? LocalDate.of(2017, 11, 5) : LocalDate.of(2017, 10, 29);

            assertThat(
                            desk.businessSeconds(
                                    midnight(spring, zone), midnight(spring.plusDays(1), zone)))
                    .as("spring forward in %s", zone)
                    .isEqualTo(23 * HOUR);
            assertThat(desk.businessSeconds(midnight(fall, zone), midnight(fall.plusDays(1), zone)))
                    .as("fall back in %s", zone)
                    .isEqualTo(25 * HOUR);
        }
    }

    @Test
    void openingHoursAcrossATransitionCountRealElapsedTime() {
        BusinessSchedule nightDesk = everyDay(NEW_YORK, "00:00-04:00");
        LocalDate spring = LocalDate.of(2017, 3, 12);
        LocalDate fall = LocalDate.of(2017, 11, 5);

        assertThat(
                        nightDesk.businessSeconds(
                                midnight(spring, NEW_YORK), midnight(spring.plusDays(1), NEW_YORK)))
                .isEqualTo(3 * HOUR);
        assertThat(
                        nightDesk.businessSeconds(
                                midnight(fall, NEW_YORK), midnight(fall.plusDays(1), NEW_YORK)))
                .isEqualTo(5 * HOUR);

        BusinessSchedule madridEarly = everyDay(MADRID, "01:00-04:00");
        LocalDate madridFall = LocalDate.of(2017, 10, 29);
        assertThat(
                        madridEarly.businessSeconds(
                                midnight(madridFall, MADRID),
                                midnight(madridFall.plusDays(1), MADRID)))
                .isEqualTo(4 * HOUR);
    }

    @Test
    void aCaseOpenOverAWeekendCountsOnlyFridayEveningAndMondayMorning() {
        BusinessSchedule office = BusinessSchedule.officeHours(NEW_YORK);

        long seconds =
                office.businessSeconds(
                        at("2017-10-27T16:30", NEW_YORK), at("2017-10-30T09:30", NEW_YORK));

        assertThat(seconds).isEqualTo(HOUR);
    }

    @Test
    void holidaysAreClosed() {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(OpeningHours.parse("09:00-17:00")));
        }
        BusinessSchedule office =
                new BusinessSchedule(MADRID, week, Set.of(LocalDate.of(2017, 12, 25)));

        long seconds =
                office.businessSeconds(
                        at("2017-12-22T16:00", MADRID), at("2017-12-26T10:00", MADRID));

        assertThat(seconds).isEqualTo(2 * HOUR);
    }

    @Test
    void anIntervalEndingAtMidnightRunsToTheEndOfTheDay() {
        BusinessSchedule evenings = everyDay(MADRID, "18:00-24:00");

        assertThat(
                        evenings.businessSeconds(
                                at("2017-06-01T23:00", MADRID), at("2017-06-02T01:00", MADRID)))
                .isEqualTo(HOUR);
        assertThat(evenings.isOpen(at("2017-06-01T23:59", MADRID))).isTrue();
        assertThat(evenings.isOpen(at("2017-06-02T00:00", MADRID))).isFalse();
    }

    @Test
    void severalSpansADayAndOpenOrClosedAtAnInstant() {
        BusinessSchedule split = everyDay(NEW_YORK, "08:00-12:00", "13:00-17:00");

        assertThat(
                        split.businessSeconds(
                                at("2017-06-01T07:00", NEW_YORK), at("2017-06-01T18:00", NEW_YORK)))
                .isEqualTo(8 * HOUR);
        assertThat(split.isOpen(at("2017-06-01T12:30", NEW_YORK))).isFalse();
        assertThat(split.isOpen(at("2017-06-01T13:00", NEW_YORK))).isTrue();
    }

    @Test
    void reversedOrEmptyIntervalsCountNothingAndBadHoursAreRefused() {
        BusinessSchedule desk = BusinessSchedule.alwaysOpen(NEW_YORK);
        Instant t = at("2017-06-01T10:00", NEW_YORK);

        assertThat(desk.businessSeconds(t, t)).isZero();
        assertThat(desk.businessSeconds(t.plusSeconds(60), t)).isZero();
        assertThatThrownBy(() -> OpeningHours.parse("17:00-09:00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpeningHours.parse("24:30-25:00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> everyDay(NEW_YORK, "09:00-13:00", "12:00-17:00"))
                .hasMessageContaining("overlapping");
    }

    @Test
    void theDeskOpensAndClosesAtItsSpansEdgesButNotWhereSpansTouch() {
        BusinessSchedule office = BusinessSchedule.officeHours(NEW_YORK);
        // Friday noon to Tuesday noon, with the spring-forward Sunday in between.
        assertThat(
                        office.changes(
                                at("2017-03-10T12:00", NEW_YORK), at("2017-03-14T12:00", NEW_YORK)))
                .containsExactly(
                        at("2017-03-10T17:00", NEW_YORK),
                        at("2017-03-13T09:00", NEW_YORK),
                        at("2017-03-13T17:00", NEW_YORK),
                        at("2017-03-14T09:00", NEW_YORK));
        BusinessSchedule roundTheClock = BusinessSchedule.alwaysOpen(MADRID);
        assertThat(
                        roundTheClock.changes(
                                at("2017-12-24T12:00", MADRID), at("2017-12-27T12:00", MADRID)))
                .as("one day's end is the next day's start")
                .isEmpty();
        BusinessSchedule twoSpans = everyDay(MADRID, "09:00-13:00", "13:00-18:00");
        assertThat(twoSpans.changes(at("2017-12-24T08:00", MADRID), at("2017-12-24T20:00", MADRID)))
                .containsExactly(at("2017-12-24T09:00", MADRID), at("2017-12-24T18:00", MADRID));
    }

    @Test
    void aScheduleAskedAboutDatesFarApartInAnyOrderAnswersAsForEachAlone() {
        // Dates a year apart share the slots of the schedule's memory of recent dates.
        BusinessSchedule office = BusinessSchedule.officeHours(NEW_YORK);
        LocalDate firstMonday = LocalDate.of(2017, 1, 2);
        for (int i = 0; i < 53; i++) {
            LocalDate monday = firstMonday.plusWeeks((i * 17L) % 53);
            Instant from = midnight(monday, NEW_YORK);
            Instant to = midnight(monday.plusWeeks(1), NEW_YORK);
            assertThat(office.businessSeconds(from, to))
                    .as("week of %s", monday)
                    .isEqualTo(40 * HOUR);
            assertThat(office.changes(from, to)).as("week of %s", monday).hasSize(10);
            assertThat(office.isOpen(at(monday + "T08:59:59", NEW_YORK))).isFalse();
            assertThat(office.isOpen(at(monday + "T09:00", NEW_YORK))).isTrue();
        }
    }

    static BusinessSchedule everyDay(ZoneId zone, String... spans) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, java.util.Arrays.stream(spans).map(OpeningHours::parse).toList());
        }
        return new BusinessSchedule(zone, week, Set.of());
    }

    private static Instant midnight(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
