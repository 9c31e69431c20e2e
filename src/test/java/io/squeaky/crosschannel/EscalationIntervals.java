package io.squeaky.crosschannel;

import io.squeaky.DuckDb;
import io.squeaky.generate.CrossChannelGenerator;
import java.nio.file.Path;

/**
 * One generated dataset with a planted escalation hazard ratio, through the batch job with weekly
 * statistics, and how many of its pressure_effect intervals for escalated vs not (time to
 * resolution) cover the median ratio the plant implies, {@code 1 / hazardRatio}.
 */
record EscalationIntervals(long intervals, long covering) {

    static EscalationIntervals run(Path dir, int cases, int seed, int hazardRatio)
            throws Exception {
        Path data = dir.resolve("data-" + hazardRatio + "-" + seed);
        Path tables = dir.resolve("tables-" + hazardRatio + "-" + seed);
        CrossChannelGenerator.main(
                new String[] {
                    "--output", data.toString(),
                    "--cases", Integer.toString(cases),
                    "--seed", Integer.toString(seed),
                    "--hr-escalation", Integer.toString(hazardRatio)
                });
        GeneratedRun.batch(data, tables, "--period", "week");
        String rows =
                DuckDb.table(tables, "pressure_effect")
                        + " WHERE comparison = 'escalated_vs_not'"
                        + " AND endpoint = 'resolution' AND ratio_lower IS NOT NULL";
        double truth = 1.0 / hazardRatio;
        return new EscalationIntervals(
                DuckDb.count("SELECT count(*) FROM " + rows),
                DuckDb.count(
                        "SELECT count(*) FROM "
                                + rows
                                + " AND ratio_lower <= "
                                + truth
                                + " AND "
                                + truth
                                + " <= ratio_upper"));
    }

    EscalationIntervals plus(EscalationIntervals other) {
        return new EscalationIntervals(intervals + other.intervals, covering + other.covering);
    }

    double coverage() {
        return (double) covering / intervals;
    }
}
