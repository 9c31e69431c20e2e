package io.squeaky.metrics;

import io.squeaky.Sha256;
import java.io.Serializable;

/**
 * How the statistics tables are computed. {@code settleMillis}: how long after a period ends every
 * case opened in it is known to have closed (the maximum case length), so that a streaming window
 * can fire. {@code configHash} fingerprints everything that shapes the figures, case rules
 * included, so that rows from differently configured runs are never mixed up unnoticed.
 */
public record StatisticsSettings(
        StatsPeriod period,
        int replications,
        long seed,
        double level,
        int minimumGroupCases,
        long settleMillis,
        String configHash)
        implements Serializable {

    public static final int DEFAULT_REPLICATIONS = 499;
    public static final long DEFAULT_SEED = 20171031L;
    public static final double LEVEL = 0.95;
    public static final int DEFAULT_MINIMUM_GROUP_CASES = 10;

    public StatisticsSettings {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be positive: " + replications);
        }
        if (minimumGroupCases < 1) {
            throw new IllegalArgumentException("minimum group size must be positive");
        }
    }

    /**
     * @param upstream a canonical description of the settings upstream of the statistics (case
     *     rules, pressure thresholds) that goes into the configuration hash
     */
    public static StatisticsSettings of(
            StatsPeriod period,
            int replications,
            long seed,
            int minimumGroupCases,
            long settleMillis,
            String upstream) {
        String canonical =
                String.join(
                        ";",
                        "period=" + period,
                        "replications=" + replications,
                        "seed=" + seed,
                        "level=" + LEVEL,
                        "minimum_group_cases=" + minimumGroupCases,
                        "settle_millis=" + settleMillis,
                        upstream);
        return new StatisticsSettings(
                period,
                replications,
                seed,
                LEVEL,
                minimumGroupCases,
                settleMillis,
                Sha256.hex(canonical).substring(0, 16));
    }

    /** When a period's window may fire: the last instant of the period, plus the settle time. */
    public long firesAt(long periodStart) {
        long last = period.endOf(periodStart) - 1;
        return last > Long.MAX_VALUE - settleMillis ? Long.MAX_VALUE : last + settleMillis;
    }

    /** The seed of one resampling, the same in every run and at every parallelism. */
    long seedFor(String... parts) {
        return Long.parseLong(
                Sha256.hex(seed + ";" + String.join(";", parts)).substring(0, 15), 16);
    }
}
