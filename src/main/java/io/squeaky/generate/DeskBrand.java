package io.squeaky.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One of the generator's brands: its desk's time zone and hours, its share of the case volume and
 * its Twitter support account. Holidays are placed at fixed fractions of the generated period, so
 * every period holds some whatever its start.
 *
 * @param hoursJson the {@code hours} object of schedules.json for this brand
 * @param holidayFractions where in the period each holiday falls, 0 = first day
 * @param caseWeight the brand's base rate of new cases, relative to the others
 */
record DeskBrand(
        String name,
        ZoneId zone,
        String hoursJson,
        List<Double> holidayFractions,
        double caseWeight,
        TwitterAccount support) {

    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    /**
     * Six brands on distinct zones, four of them with daylight saving inside or near a default
     * October period (Madrid and London fall back on 29 October 2017, Sydney springs forward on 1
     * October): a 24/7 desk, office hours, a desk with a lunch break, one open until midnight.
     */
    static final List<DeskBrand> BUILT_IN =
            List.of(
                    brand(
                            "Acme Air",
                            "America/New_York",
                            "{\"mon-sun\": [\"00:00-24:00\"]}",
                            List.of(),
                            1.3,
                            "AcmeAirHelp",
                            1),
                    brand(
                            "Bravo Telecom",
                            "Europe/Madrid",
                            "{\"mon-fri\": [\"09:00-14:00\", \"16:00-20:00\"], \"sat\":"
                                    + " [\"10:00-14:00\"]}",
                            List.of(0.36),
                            1.0,
                            "BravoTelecomCare",
                            2),
                    brand(
                            "Cinder Bank",
                            "America/Los_Angeles",
                            "{\"mon-fri\": [\"09:00-17:00\"]}",
                            List.of(0.25, 0.75),
                            1.1,
                            "CinderBankHelp",
                            3),
                    brand(
                            "Dover Rail",
                            "Europe/London",
                            "{\"mon-sun\": [\"06:00-24:00\"]}",
                            List.of(0.5),
                            0.9,
                            "DoverRailHelp",
                            4),
                    brand(
                            "Ember Mobile",
                            "Asia/Kolkata",
                            "{\"mon-sat\": [\"09:00-21:00\"]}",
                            List.of(0.61),
                            0.9,
                            "EmberMobileCare",
                            5),
                    brand(
                            "Fjord Energy",
                            "Australia/Sydney",
                            "{\"mon-fri\": [\"08:00-18:00\"]}",
                            List.of(0.14),
                            0.8,
                            "FjordEnergyHelp",
                            6));

    String handle() {
        return support.username();
    }

    /** Local holiday dates inside a period of {@code days} starting on {@code firstDay}. */
    List<LocalDate> holidays(LocalDate firstDay, int days) {
        List<LocalDate> dates = new ArrayList<>();
        for (double fraction : holidayFractions) {
            LocalDate day = firstDay.plusDays((long) (fraction * days));
            // A holiday on a weekend would close nothing at a weekday desk: observe it on Monday.
            while (WEEKEND.contains(day.getDayOfWeek())) {
                day = day.plusDays(1);
            }
            dates.add(day);
        }
        return dates;
    }

    private static DeskBrand brand(
            String name,
            String zone,
            String hoursJson,
            List<Double> holidayFractions,
            double caseWeight,
            String handle,
            int number) {
        TwitterAccount support =
                new TwitterAccount(
                        String.valueOf(1_000_000L + number),
                        handle,
                        name + " Support",
                        20_000L * (number + 3));
        return new DeskBrand(
                name, ZoneId.of(zone), hoursJson, holidayFractions, caseWeight, support);
    }
}
