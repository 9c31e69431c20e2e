package io.squeaky.stats;

import java.util.Locale;

/**
 * How often the bootstrap interval for the median ratio covers the planted value, over many
 * simulated datasets whose groups are fixed at the open ({@link PlantedTickets}: where the median
 * ratio estimates what it claims to; {@code jobs/coverage} checks the hazard ratios of time-varying
 * pressure): a benchmark-style check, too slow for the unit tests, which assert a looser bound on
 * fewer datasets. It needs nothing beyond the compiled classes:
 *
 * <pre>
 * mvn -q test-compile
 * java -cp target/classes:target/test-classes io.squeaky.stats.CoverageCheck 200 999
 * </pre>
 *
 * (datasets, bootstrap replications each; about half a minute of CPU for both hazard ratios).
 */
public final class CoverageCheck {

    private static final int CUSTOMERS = 300;

    private CoverageCheck() {}

    public static void main(String[] args) {
        int datasets = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int replications = args.length > 1 ? Integer.parseInt(args[1]) : 999;
        System.out.printf(
                Locale.ROOT,
                "%d datasets of %d customers, %d bootstrap replications, nominal 95%%%n",
                datasets,
                CUSTOMERS,
                replications);
        for (double hazardRatio : new double[] {3, 1}) {
            report(hazardRatio, datasets, replications);
        }
    }

    private static void report(double hazardRatio, int datasets, int replications) {
        double planted = 1 / hazardRatio;
        int covered = 0;
        double totalLogWidth = 0;
        long started = System.nanoTime();
        for (int seed = 0; seed < datasets; seed++) {
            PlantedTickets.Sample sample = PlantedTickets.draw(CUSTOMERS, hazardRatio, seed);
            MedianRatioInterval interval =
                    MedianRatioBootstrap.interval(
                            sample.escalated(), sample.quiet(), replications, seed, 0.95);
            covered += interval.contains(planted) ? 1 : 0;
            totalLogWidth += Math.log(interval.upper() / interval.lower());
        }
        double coverage = (double) covered / datasets;
        System.out.printf(
                Locale.ROOT,
                "hazard ratio %.0f (median ratio %.4f): coverage %.3f (%d/%d, Monte Carlo se %.3f),"
                        + " mean upper/lower %.2f, %.1f s%n",
                hazardRatio,
                planted,
                coverage,
                covered,
                datasets,
                Math.sqrt(coverage * (1 - coverage) / datasets),
                Math.exp(totalLogWidth / datasets),
                (System.nanoTime() - started) / 1e9);
    }
}
