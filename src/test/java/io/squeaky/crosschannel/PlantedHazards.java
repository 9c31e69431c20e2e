package io.squeaky.crosschannel;

import io.squeaky.DuckDb;
import io.squeaky.generate.CrossChannelGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One generated dataset with planted time-varying hazard ratios (going public, per customer post,
 * desk closed) through the batch job, and what the tables make of it: the study-level {@code
 * effects} rows over the whole input, and the naive {@code escalated_vs_not} comparison of medians
 * from the open. Storms are given no effect and reach none unless planted, so the pressure model of
 * {@code effects} leaves out no covariate that acts.
 */
record PlantedHazards(List<Estimate> estimates, double naiveMedianRatio, Path tables, Plant plant) {

    /**
     * The planted values, as the generator's options and the effects covariates name them; reach
     * (per tenfold of followers) has none unless given.
     */
    record Plant(
            double hrPublic, double hrPerPost, double hrDeskClosed, double hrTenfoldFollowers) {

        Plant(double hrPublic, double hrPerPost, double hrDeskClosed) {
            this(hrPublic, hrPerPost, hrDeskClosed, 1);
        }

        /** The hazard ratio a covariate's effects row should find. */
        double of(String covariate) {
            return switch (covariate) {
                case "public" -> hrPublic;
                case "persistence" -> hrPerPost;
                // The model's covariate is the desk being open: the inverse.
                case "desk_open" -> 1 / hrDeskClosed;
                case "log10_followers" -> hrTenfoldFollowers;
                default -> throw new IllegalArgumentException(covariate);
            };
        }
    }

    record Estimate(
            String endpoint,
            String covariate,
            double planted,
            double hazardRatio,
            double lower,
            double upper) {

        boolean covers() {
            return lower <= planted && planted <= upper;
        }

        /**
         * How many standard errors the estimate lies from the planted value on the log scale, the
         * robust se read back from the 95% Wald interval.
         */
        double standardErrorsOff() {
            double se = (Math.log(upper) - Math.log(lower)) / (2 * 1.959963984540054);
            return Math.abs(Math.log(hazardRatio) - Math.log(planted)) / se;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s %s: planted %.3f, estimated %.3f (%.3f, %.3f)",
                    endpoint,
                    covariate,
                    planted,
                    hazardRatio,
                    lower,
                    upper);
        }
    }

    static PlantedHazards run(Path dir, int cases, long seed, Plant plant, String... generator)
            throws Exception {
        Path data = dir.resolve("data-" + seed + "-" + plant.hrPublic());
        Path tables = dir.resolve("tables-" + seed + "-" + plant.hrPublic());
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--output", data.toString(),
                                "--cases", Integer.toString(cases),
                                "--seed", Long.toString(seed),
                                "--hr-public", Double.toString(plant.hrPublic()),
                                "--hr-per-post", Double.toString(plant.hrPerPost()),
                                "--hr-desk-closed", Double.toString(plant.hrDeskClosed()),
                                "--hr-tenfold-followers",
                                        Double.toString(plant.hrTenfoldFollowers()),
                                "--hr-storm", "1"));
        args.addAll(List.of(generator));
        CrossChannelGenerator.main(args.toArray(String[]::new));
        GeneratedRun.batch(data, tables, "--period", "week");
        double naive =
                number(
                        DuckDb.value(
                                "SELECT median(seconds_to_full_resolution) FILTER (WHERE escalated)"
                                        + " / median(seconds_to_full_resolution)"
                                        + " FILTER (WHERE NOT escalated)"
                                        + " FROM "
                                        + DuckDb.table(tables, "cases")
                                        + " WHERE ticket_id IS NOT NULL"));
        return new PlantedHazards(
                estimates(tables, plant, "calendar", "pressure"), naive, tables, plant);
    }

    /** The study-level estimates over the whole input of one of the effects models. */
    List<Estimate> estimates(String clock, String specification) throws Exception {
        return estimates(tables, plant, clock, specification);
    }

    private static List<Estimate> estimates(
            Path tables, Plant plant, String clock, String specification) throws Exception {
        List<Estimate> estimates = new ArrayList<>();
        for (List<Object> row :
                DuckDb.rows(
                        "SELECT endpoint, covariate, hazard_ratio, lower_95, upper_95 FROM "
                                + DuckDb.table(tables, "effects")
                                + " WHERE period = 'all' AND scope = 'study'"
                                + " AND hazard_ratio IS NOT NULL"
                                + " AND clock = '"
                                + clock
                                + "' AND specification = '"
                                + specification
                                + "' ORDER BY endpoint, covariate")) {
            String covariate = (String) row.get(1);
            estimates.add(
                    new Estimate(
                            (String) row.get(0),
                            covariate,
                            plant.of(covariate),
                            number(row.get(2)),
                            number(row.get(3)),
                            number(row.get(4))));
        }
        return estimates;
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
