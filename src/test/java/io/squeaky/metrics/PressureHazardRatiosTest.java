package io.squeaky.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.squeaky.stats.ReferenceCsv;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The effects rows against R's {@code coxph} fitted by {@code cox-reference/reference.R} to the
 * hand-built {@code case_intervals} rows in {@code cox-reference/data/case_intervals.csv}: four
 * brands, A and B with office hours, C open around the clock, D without events; customers with
 * cases at several brands.
 */
class PressureHazardRatiosTest {

    private static final double RELATIVE = 1e-6;

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void hazardRatiosAsR(Endpoint endpoint) {
        List<EffectRow> rows =
                pressureModel(PressureHazardRatios.of(endpoint, intervals(endpoint)));
        List<Map<String, String>> expected =
                ReferenceCsv.read("effects.csv").stream()
                        .filter(r -> r.get("endpoint").equals(endpoint.label()))
                        .toList();

        assertThat(rows).hasSameSizeAs(expected);
        for (int k = 0; k < rows.size(); k++) {
            EffectRow row = rows.get(k);
            Map<String, String> r = expected.get(k);
            String what = r.get("scope") + " " + r.get("brand") + " " + r.get("covariate");
            assertThat(row.scope()).isEqualTo(r.get("scope"));
            assertThat(row.brand()).isEqualTo(r.get("brand").isEmpty() ? null : r.get("brand"));
            assertThat(row.covariate()).isEqualTo(r.get("covariate"));
            assertThat(row.endpoint()).isEqualTo(endpoint.label());
            assertThat(row.cases()).as(what).isEqualTo(Integer.parseInt(r.get("cases")));
            assertThat(row.events()).as(what).isEqualTo(Integer.parseInt(r.get("events")));
            assertThat(row.intervals()).as(what).isEqualTo(Integer.parseInt(r.get("intervals")));
            assertThat(row.ties()).isEqualTo("efron");
            assertThat(row.variance()).isEqualTo("robust, clustered by customer_id");
            assertThat(row.model())
                    .isEqualTo(
                            row.scope().equals("study")
                                    ? "Surv(start_seconds, stop_seconds, event) ~ public +"
                                            + " persistence + desk_open + strata(brand) +"
                                            + " cluster(customer_id)"
                                    : "Surv(start_seconds, stop_seconds, event) ~ public +"
                                            + " persistence + desk_open + cluster(customer_id)");
            if (r.get("coef").equals("NA")) {
                assertThat(row.coef()).as(what).isNull();
                assertThat(row.lower95()).isNull();
                assertThat(row.note()).as(what).isNotBlank();
                continue;
            }
            assertThat(row.note()).as(what).isNull();
            assertRelative(row.coef(), r.get("coef"), what + " coef");
            assertRelative(row.robustSe(), r.get("robust_se"), what + " robust se");
            assertRelative(row.hazardRatio(), r.get("hazard_ratio"), what + " exp(coef)");
            assertRelative(row.lower95(), r.get("lower95"), what + " lower .95");
            assertRelative(row.upper95(), r.get("upper95"), what + " upper .95");
            assertRelative(row.pValue(), r.get("p"), what + " Pr(>|z|)");
        }
    }

    @Test
    void theMissingEstimatesSayWhy() {
        List<EffectRow> rows =
                pressureModel(
                        PressureHazardRatios.of(
                                Endpoint.RESOLUTION, intervals(Endpoint.RESOLUTION)));

        assertThat(row(rows, "C", "desk_open").note())
                .isEqualTo(
                        "desk_open is constant within every stratum: not estimable, left out of"
                                + " the model");
        assertThat(row(rows, "C", "public").hazardRatio()).isNotNull();
        assertThat(row(rows, "D", "public").note()).isEqualTo("no events: no model can be fitted");
        assertThat(row(rows, "D", "public").cases()).isEqualTo(3);
        // The study model keeps D's rows; a stratum without events adds nothing to it.
        assertThat(row(rows, null, "public").cases()).isEqualTo(153);
    }

    @Test
    void aBrandWithASingleCustomerHasNoInterval() {
        // Every case from one customer: one cluster, so no robust variance (R reports rounding
        // noise there); the hazard ratios stand, their intervals are missing and say why.
        List<CaseInterval> intervals =
                List.of(
                        interval("s1", 0, 100, false, false, 0, true),
                        interval("s1", 100, 150, true, true, 1, true),
                        interval("s2", 0, 80, true, false, 0, false),
                        interval("s3", 0, 50, false, false, 1, true),
                        interval("s3", 50, 300, true, true, 2, false),
                        interval("s4", 0, 200, true, false, 0, true),
                        interval("s5", 0, 120, false, false, 0, false),
                        interval("s5", 120, 130, true, true, 0, true),
                        interval("s6", 0, 400, false, false, 1, true),
                        interval("s7", 0, 60, true, false, 2, true));

        List<EffectRow> rows =
                pressureModel(PressureHazardRatios.of(Endpoint.RESOLUTION, intervals));

        assertThat(rows).hasSize(6);
        for (EffectRow row : rows) {
            assertThat(row.hazardRatio()).as(row.covariate()).isNotNull();
            assertThat(row.lower95()).isNull();
            assertThat(row.robustSe()).isNull();
            assertThat(row.note()).startsWith("a single cluster");
            assertThat(row.cases()).isEqualTo(7);
            assertThat(row.events()).isEqualTo(6);
            assertThat(row.intervals()).isEqualTo(10);
        }
    }

    @Test
    void intervalsOfAnotherEndpointAreRefused() {
        List<CaseInterval> mixed = intervals(Endpoint.FIRST_REPLY);

        assertThatThrownBy(() -> PressureHazardRatios.of(Endpoint.RESOLUTION, mixed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is a first_reply interval, not resolution");
    }

    /** The rows of the calendar-clock pressure model, the one R fitted here. */
    private static List<EffectRow> pressureModel(List<EffectRow> rows) {
        return rows.stream()
                .filter(row -> row.clock().equals("calendar"))
                .filter(row -> row.specification().equals("pressure"))
                .toList();
    }

    private static EffectRow row(List<EffectRow> rows, String brand, String covariate) {
        return rows.stream()
                .filter(row -> Objects.equals(row.brand(), brand))
                .filter(row -> row.covariate().equals(covariate))
                .findFirst()
                .orElseThrow();
    }

    private static CaseInterval interval(
            String caseId,
            long start,
            long stop,
            boolean event,
            boolean isPublic,
            int persistence,
            boolean deskOpen) {
        return new CaseInterval(
                caseId,
                "solo-customer",
                "solo",
                Endpoint.RESOLUTION,
                start,
                stop,
                event,
                isPublic,
                persistence,
                0,
                0,
                deskOpen,
                null,
                null,
                null,
                null,
                null);
    }

    private static List<CaseInterval> intervals(Endpoint endpoint) {
        return ReferenceCsv.read("data/case_intervals.csv").stream()
                .filter(r -> r.get("endpoint").equals(endpoint.label()))
                .map(
                        r ->
                                new CaseInterval(
                                        r.get("case_id"),
                                        r.get("customer_id"),
                                        r.get("brand"),
                                        endpoint,
                                        Long.parseLong(r.get("start_seconds")),
                                        Long.parseLong(r.get("stop_seconds")),
                                        r.get("event").equals("1"),
                                        r.get("public").equals("1"),
                                        Integer.parseInt(r.get("persistence")),
                                        Integer.parseInt(r.get("amplification")),
                                        Double.parseDouble(r.get("brand_storm")),
                                        r.get("desk_open").equals("1"),
                                        r.get("followers_at_open").equals("NA")
                                                ? null
                                                : Long.parseLong(r.get("followers_at_open")),
                                        null,
                                        null,
                                        null,
                                        null))
                .toList();
    }

    private static void assertRelative(Double actual, String expected, String what) {
        double value = Double.parseDouble(expected);
        assertThat(actual).as(what).isCloseTo(value, within(RELATIVE * Math.abs(value)));
    }
}
