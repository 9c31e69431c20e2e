package io.squeaky.crosschannel;

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
            EscalationIntervals total = new EscalationIntervals(0, 0);
            long started = System.nanoTime();
            for (int seed = 1; seed <= datasets; seed++) {
                total =
                        total.plus(
                                EscalationIntervals.run(
                                        dir, cases, 1000 * hazardRatio + seed, hazardRatio));
            }
            double coverage = total.coverage();
            long intervals = total.intervals();
            long covering = total.covering();
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
