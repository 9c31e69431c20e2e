package io.squeaky.crosschannel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often the study-level 95% intervals of {@code effects} (going public, per customer post, desk
 * open; first reply and resolution) cover the hazard ratios the generator planted, over many
 * generated datasets run through the whole batch pipeline with censoring at the data end: a
 * benchmark-style check, too slow for the test suite, which checks two datasets ({@link
 * PlantedEffectITCase}). It also reports the naive {@code escalated_vs_not} median ratio from the
 * open, which a time-fixed reading of the planted hazard ratio would put at {@code 1/hr_public}.
 * Run it with {@code jobs/coverage [datasets] [cases]} (defaults 20 and 3000).
 */
public final class HazardRatioCoverage {

    private static final PlantedHazards.Plant PLANT = new PlantedHazards.Plant(3, 1.2, 0.4);

    private HazardRatioCoverage() {}

    public static void main(String[] args) throws Exception {
        int datasets = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Path dir = Files.createTempDirectory("squeaky-coverage");
        System.out.printf(
                Locale.ROOT,
                "%d datasets of %d generated tickets each; planted hr_public %.2f, hr_per_post"
                        + " %.2f, hr_desk_closed %.2f; study-level intervals over the whole input,"
                        + " nominal 95%%%n",
                datasets,
                cases,
                PLANT.hrPublic(),
                PLANT.hrPerPost(),
                PLANT.hrDeskClosed());
        Map<String, int[]> covered = new TreeMap<>();
        Map<String, Double> logSum = new TreeMap<>();
        double naive = 0;
        long started = System.nanoTime();
        for (int seed = 1; seed <= datasets; seed++) {
            PlantedHazards run = PlantedHazards.run(dir, cases, 7000 + seed, PLANT);
            for (PlantedHazards.Estimate estimate : run.estimates()) {
                String key = estimate.endpoint() + " " + estimate.covariate();
                int[] tally = covered.computeIfAbsent(key, k -> new int[2]);
                tally[0] += estimate.covers() ? 1 : 0;
                tally[1]++;
                logSum.merge(key, Math.log(estimate.hazardRatio()), Double::sum);
            }
            naive += run.naiveMedianRatio();
        }
        int all = 0;
        int allCovered = 0;
        for (Map.Entry<String, int[]> entry : covered.entrySet()) {
            int[] tally = entry.getValue();
            double coverage = (double) tally[0] / tally[1];
            String covariate = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            System.out.printf(
                    Locale.ROOT,
                    "%-24s planted %.3f, geometric mean estimate %.3f, coverage %.3f (%d/%d,"
                            + " Monte Carlo se %.3f)%n",
                    entry.getKey(),
                    PLANT.of(covariate),
                    Math.exp(logSum.get(entry.getKey()) / tally[1]),
                    coverage,
                    tally[0],
                    tally[1],
                    Math.sqrt(coverage * (1 - coverage) / tally[1]));
            all += tally[1];
            allCovered += tally[0];
        }
        System.out.printf(
                Locale.ROOT,
                "all intervals: coverage %.3f (%d/%d); naive escalated_vs_not median ratio from the"
                        + " open, mean over datasets %.3f (a time-fixed reading of hr_public would"
                        + " give %.3f); %.0f s%n",
                (double) allCovered / all,
                allCovered,
                all,
                naive / datasets,
                1 / PLANT.hrPublic(),
                (System.nanoTime() - started) / 1e9);
    }
}
