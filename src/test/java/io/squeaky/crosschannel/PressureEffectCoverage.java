package io.squeaky.crosschannel;

import io.squeaky.DuckDb;
import io.squeaky.generate.CrossChannelGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How often the pressure_effect table's 95% intervals for escalated vs not (time to resolution, per
 * brand and week) cover the ratio the generator planted, over many generated datasets run through
 * the whole batch pipeline: a benchmark-style check, too slow for the test suite, which asserts a
 * looser bound on two datasets ({@link PlantedEffectITCase}). Run it with {@code jobs/coverage
 * [datasets] [cases]} (defaults 10 and 6000; about 15 s per dataset and hazard ratio on two cores).
 */
public final class PressureEffectCoverage {

    private PressureEffectCoverage() {}

    public static void main(String[] args) throws Exception {
        int datasets = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
        Path dir = Files.createTempDirectory("squeaky-coverage");
        System.out.printf(
                Locale.ROOT,
                "%d datasets of %d generated tickets each, brand-week intervals, nominal 95%%%n",
                datasets,
                cases);
        for (int hazardRatio : new int[] {3, 1}) {
            long intervals = 0;
            long covering = 0;
            long started = System.nanoTime();
            for (int seed = 1; seed <= datasets; seed++) {
                Path data = dir.resolve("data-" + hazardRatio + "-" + seed);
                Path tables = dir.resolve("tables-" + hazardRatio + "-" + seed);
                CrossChannelGenerator.main(
                        new String[] {
                            "--output", data.toString(),
                            "--cases", Integer.toString(cases),
                            "--seed", Integer.toString(1000 * hazardRatio + seed),
                            "--hr-escalation", Integer.toString(hazardRatio)
                        });
                GeneratedRun.batch(data, tables, "--period", "week");
                String rows =
                        DuckDb.table(tables, "pressure_effect")
                                + " WHERE comparison = 'escalated_vs_not'"
                                + " AND endpoint = 'resolution' AND ratio_lower IS NOT NULL";
                double truth = 1.0 / hazardRatio;
                intervals += DuckDb.count("SELECT count(*) FROM " + rows);
                covering +=
                        DuckDb.count(
                                "SELECT count(*) FROM "
                                        + rows
                                        + " AND ratio_lower <= "
                                        + truth
                                        + " AND "
                                        + truth
                                        + " <= ratio_upper");
            }
            double coverage = (double) covering / intervals;
            System.out.printf(
                    Locale.ROOT,
                    "hazard ratio %d (median ratio %.4f): coverage %.3f (%d/%d intervals,"
                            + " Monte Carlo se %.3f), %.0f s%n",
                    hazardRatio,
                    1.0 / hazardRatio,
                    coverage,
                    covering,
                    intervals,
                    Math.sqrt(coverage * (1 - coverage) / intervals),
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
