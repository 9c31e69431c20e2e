package io.squeaky.crosschannel;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.DuckDb;
import io.squeaky.TestClusters;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted effects show in the pipeline's output where they act. The generator multiplies the
 * hazards of first reply and of resolution from the moment the case goes public, with each customer
 * post and while the desk is closed; the study-level Cox estimates in {@code effects}, fitted over
 * {@code case_intervals}, must cover the planted hazard ratios. The same data show what the
 * comparison of medians from the open makes of it: escalated tickets are the ones that had already
 * waited (immortal time), so their median resolution is no shorter although going public triples
 * the hazard. This is the bias the {@code effects} table fixes.
 */
class PlantedEffectITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    private static final PlantedHazards.Plant PLANT = new PlantedHazards.Plant(3, 1.2, 0.4);

    @TempDir Path dir;

    @Test
    void theStudyHazardRatiosCoverThePlantedOnesWhileTheMediansFromTheOpenDoNot() throws Exception {
        PlantedHazards run = PlantedHazards.run(dir, 6000, 21, PLANT, "--no-censoring");
        System.out.println("planted vs estimated, study level: " + run.estimates());
        System.out.printf(
                "naive escalated / not median resolution ratio %.3f; a time-fixed reading of the"
                        + " planted hazard ratio 3 would be %.3f%n",
                run.naiveMedianRatio(), 1 / PLANT.hrPublic());

        assertThat(run.estimates())
                .as("public, persistence and desk_open for first reply and resolution")
                .hasSize(6)
                .allSatisfy(
                        estimate ->
                                assertThat(estimate.standardErrorsOff())
                                        .as("%s", estimate)
                                        .isLessThan(3));
        assertThat(run.estimates().stream().filter(PlantedHazards.Estimate::covers).count())
                .as("95% intervals covering their planted value")
                .isGreaterThanOrEqualTo(4);
        assertThat(run.naiveMedianRatio())
                .as(
                        "escalated tickets had to wait to escalate: the median ratio from the open"
                                + " lies far above the 1/3 a threefold hazard implies, towards"
                                + " no effect")
                .isGreaterThan(0.6);
        String escalation =
                DuckDb.table(run.tables(), "pressure_effect")
                        + " WHERE comparison = 'escalated_vs_not' AND endpoint = 'resolution'"
                        + " AND ratio_lower IS NOT NULL";
        long intervals = DuckDb.count("SELECT count(*) FROM " + escalation);
        long coveringOneThird =
                DuckDb.count(
                        "SELECT count(*) FROM "
                                + escalation
                                + " AND ratio_lower <= 1/3.0 AND 1/3.0 <= ratio_upper");
        System.out.printf(
                "pressure_effect escalated_vs_not: %d of %d brand-week intervals cover 1/3%n",
                coveringOneThird, intervals);
        assertThat(intervals).isPositive();
        assertThat((double) coveringOneThird / intervals)
                .as("brand-week median-ratio intervals covering the time-fixed reading 1/3")
                .isLessThan(0.5);
    }

    @Test
    void withCensoringAndNoPublicEffectTheIntervalsCoverOne() throws Exception {
        PlantedHazards run =
                PlantedHazards.run(dir, 6000, 23, new PlantedHazards.Plant(1, 1.2, 0.4));
        System.out.println("planted vs estimated, no public effect: " + run.estimates());

        assertThat(run.estimates())
                .hasSize(6)
                .allSatisfy(
                        estimate ->
                                assertThat(estimate.standardErrorsOff())
                                        .as("%s", estimate)
                                        .isLessThan(3));
        assertThat(
                        run.estimates().stream()
                                .filter(e -> e.covariate().equals("public"))
                                .filter(PlantedHazards.Estimate::covers))
                .as("going public: no effect planted, none found")
                .hasSize(2);
    }

    @Test
    void theReachModelAndTheBusinessClockRecoverWhatActsOnThem() throws Exception {
        // A desk that almost never acts while closed: the business clock's assumption, which the
        // generator does not make by construction (it still runs in calendar time). At a closed
        // hazard ratio of 0.02 the few night events, counted at the close they follow under the
        // posts made before the night, already pulled the resolution persistence ratio to 1.10
        // (1.04, 1.15) against 1.2 planted: the business clock is a model, read it as one.
        PlantedHazards.Plant plant = new PlantedHazards.Plant(3, 1.2, 0.001, 1.6);
        PlantedHazards run = PlantedHazards.run(dir, 6000, 25, plant, "--no-censoring");
        List<PlantedHazards.Estimate> reach =
                run.estimates("calendar", "pressure_and_reach").stream()
                        .filter(e -> e.covariate().equals("log10_followers"))
                        .toList();
        List<PlantedHazards.Estimate> business = run.estimates("business", "pressure");
        System.out.println("reach model, study level: " + reach);
        System.out.println("business clock, study level: " + business);

        assertThat(reach)
                .as("per tenfold of followers, first reply at least")
                .isNotEmpty()
                .allSatisfy(
                        estimate ->
                                assertThat(estimate.standardErrorsOff())
                                        .as("%s", estimate)
                                        .isLessThan(3));
        assertThat(business)
                .as("public and persistence, first reply and resolution, on the business clock")
                .hasSize(4)
                .allSatisfy(
                        estimate ->
                                assertThat(estimate.standardErrorsOff())
                                        .as("%s", estimate)
                                        .isLessThan(3));
    }
}
