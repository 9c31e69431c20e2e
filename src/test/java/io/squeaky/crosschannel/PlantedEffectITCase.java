package io.squeaky.crosschannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.squeaky.DuckDb;
import io.squeaky.TestClusters;
import io.squeaky.generate.CrossChannelGenerator;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted escalation effect shows in the pipeline's output. With an exponential baseline and
 * covariates independent of escalation, a hazard ratio of 3 makes escalated cases' median time to
 * resolution a third of the others'. With censoring off in the generator, plain medians over
 * resolved cases are unbiased; with it on, the pressure_effect table's Kaplan-Meier ratios and
 * their bootstrap intervals must still find the planted value, and find 1 when nothing is planted.
 */
class PlantedEffectITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @TempDir Path dir;

    @Test
    void escalatedCasesResolveInAboutAThirdOfTheTime() throws Exception {
        Path data = dir.resolve("data");
        CrossChannelGenerator.main(
                new String[] {
                    "--output",
                    data.toString(),
                    "--cases",
                    "6000",
                    "--seed",
                    "21",
                    "--no-censoring",
                    "--duplicate-rate",
                    "0",
                    "--malformed-rate",
                    "0"
                });
        Path tables = dir.resolve("tables");
        GeneratedRun.batch(data, tables);

        String cases = "read_parquet('" + tables.resolve("cases") + "/dt=*/*.parquet')";
        double ratio =
                ((Number)
                                DuckDb.value(
                                        "SELECT median(seconds_to_full_resolution) FILTER (WHERE escalated)"
                                                + " / median(seconds_to_full_resolution) FILTER (WHERE NOT escalated)"
                                                + " FROM "
                                                + cases
                                                + " WHERE ticket_id IS NOT NULL"))
                        .doubleValue();
        double unresolved =
                ((Number)
                                DuckDb.value(
                                        "SELECT count(*) FILTER (WHERE full_resolution_at IS NULL) FROM "
                                                + cases
                                                + " WHERE ticket_id IS NOT NULL"))
                        .doubleValue();

        assertThat(unresolved).as("censoring is off: every ticket resolves").isZero();
        assertThat(ratio)
                .as("median ratio escalated / not, planted 1/3")
                .isCloseTo(1 / 3.0, within(0.06));
    }

    @Test
    void pressureEffectIntervalsCoverThePlantedRatioAndOneWithoutAnEffect() throws Exception {
        EscalationIntervals withEffect = EscalationIntervals.run(dir, 6000, 22, 3);
        EscalationIntervals withoutEffect = EscalationIntervals.run(dir, 6000, 23, 1);

        System.out.printf(
                "escalated_vs_not resolution, 95%% intervals per brand and week: %.2f cover the"
                        + " planted 1/3; with no effect planted %.2f cover 1%n",
                withEffect.coverage(), withoutEffect.coverage());
        assertThat(withEffect.intervals())
                .as("brand-weeks with an interval")
                .isGreaterThanOrEqualTo(20);
        assertThat(withoutEffect.intervals()).isGreaterThanOrEqualTo(20);
        assertThat(withEffect.coverage()).isGreaterThanOrEqualTo(0.8);
        assertThat(withoutEffect.coverage()).isGreaterThanOrEqualTo(0.8);
    }
}
