package io.squeaky.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.HazardRatioRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The effects rows of a {@code case_intervals} table the pipeline wrote (a batch run on generated
 * data, exported by {@code effects-reference/reference.R}'s recipe) against R's {@code coxph}
 * fitted to the same file: what a researcher refitting the table in R gets.
 */
class EffectsTableTest {

    private static final double RELATIVE = 1e-6;

    @Test
    void theEffectsOfAPipelinesCaseIntervalsAreWhatRFindsInThem() throws IOException {
        List<CaseIntervalRow> intervals = intervals();
        // Arrival order must not matter: the rows are sorted before fitting.
        Collections.reverse(intervals);
        assertAsR(EffectsTable.of(EffectsTable.WHOLE_INPUT, 0L, intervals, "hash"));
    }

    @Test
    void aBatchRunsFitsSideBySideAreWhatRFindsAndEachPeriodsAreItsOwnFit() throws Exception {
        List<FitInterval> intervals = intervals().stream().map(FitInterval::of).toList();
        Map<Long, List<FitInterval>> periods = new TreeMap<>();
        intervals.forEach(
                row -> periods.computeIfAbsent(row.periodStart(), p -> new ArrayList<>()).add(row));
        assertThat(periods).as("the reference data span several periods").hasSizeGreaterThan(1);
        ExecutorService fits = Executors.newFixedThreadPool(2);
        List<HazardRatioRow> rows;
        try {
            rows = EffectsTable.fitEachPeriodAndAll("DAY", intervals, "hash", fits);
        } finally {
            fits.shutdownNow();
        }

        assertAsR(
                rows.stream()
                        .filter(row -> row.getPeriod().equals(EffectsTable.WHOLE_INPUT))
                        .toList());
        List<HazardRatioRow> eachPeriod = new ArrayList<>();
        periods.forEach(
                (start, ofPeriod) ->
                        eachPeriod.addAll(EffectsTable.fit("DAY", start, ofPeriod, "hash")));
        assertThat(rows.stream().filter(row -> row.getPeriod().equals("DAY")).toList())
                .containsExactlyElementsOf(eachPeriod);
    }

    private static void assertAsR(List<HazardRatioRow> rows) throws IOException {
        List<Map<String, String>> expected = csv(resource("effects.csv"));

        assertThat(rows).hasSameSizeAs(expected);
        for (int k = 0; k < rows.size(); k++) {
            HazardRatioRow row = rows.get(k);
            Map<String, String> r = expected.get(k);
            String what =
                    r.get("endpoint")
                            + " "
                            + r.get("clock")
                            + " "
                            + r.get("specification")
                            + " "
                            + r.get("scope")
                            + " "
                            + r.get("brand")
                            + " "
                            + r.get("covariate");
            assertThat(row.getEndpoint()).isEqualTo(r.get("endpoint"));
            assertThat(row.getScope()).isEqualTo(r.get("scope"));
            assertThat(row.getBrand()).isEqualTo(r.get("brand").isEmpty() ? null : r.get("brand"));
            assertThat(row.getCovariate()).isEqualTo(r.get("covariate"));
            assertThat(row.getPeriod()).isEqualTo("all");
            assertThat(row.getClock()).isEqualTo(r.get("clock"));
            assertThat(row.getSpecification()).isEqualTo(r.get("specification"));
            assertThat(row.getConfigHash()).isEqualTo("hash");
            assertThat(row.getCases()).as(what).isEqualTo(Integer.parseInt(r.get("cases")));
            assertThat(row.getEvents()).as(what).isEqualTo(Integer.parseInt(r.get("events")));
            assertThat(row.getIntervals()).as(what).isEqualTo(Integer.parseInt(r.get("intervals")));
            if (r.get("coef").equals("NA")) {
                assertThat(row.getCoef()).as(what).isNull();
                assertThat(row.getNote()).as(what).isNotBlank();
                continue;
            }
            if (!r.get("warning").isEmpty()) {
                // R warns and prints numbers it does not stand behind (an infinite coefficient,
                // no convergence); the job writes none, and says why.
                assertThat(row.getCoef()).as(what + ": R warned " + r.get("warning")).isNull();
                assertThat(row.getNote()).as(what).isNotBlank();
                continue;
            }
            assertRelative(row.getCoef(), r.get("coef"), what + " coef");
            assertRelative(row.getRobustSe(), r.get("robust_se"), what + " robust se");
            assertRelative(row.getHazardRatio(), r.get("hazard_ratio"), what + " exp(coef)");
            assertRelative(row.getLower95(), r.get("lower95"), what + " lower .95");
            assertRelative(row.getUpper95(), r.get("upper95"), what + " upper .95");
            assertRelative(row.getPValue(), r.get("p"), what + " Pr(>|z|)");
        }
    }

    private static List<CaseIntervalRow> intervals() throws IOException {
        List<CaseIntervalRow> rows = new ArrayList<>();
        try (InputStream gz = new GZIPInputStream(resource("data/case_intervals.csv.gz"))) {
            for (Map<String, String> r : csv(gz)) {
                rows.add(
                        CaseIntervalRow.newBuilder()
                                .setCaseId(r.get("case_id"))
                                .setCustomerId(r.get("customer_id"))
                                .setBrand(r.get("brand"))
                                .setEndpoint(r.get("endpoint"))
                                .setStartSeconds(Long.parseLong(r.get("start_seconds")))
                                .setStopSeconds(Long.parseLong(r.get("stop_seconds")))
                                .setEvent(r.get("event").equals("1"))
                                .setPublic$(r.get("public").equals("1"))
                                .setPersistence(Integer.parseInt(r.get("persistence")))
                                .setAmplification(Integer.parseInt(r.get("amplification")))
                                .setBrandStorm(null)
                                .setDeskOpen(r.get("desk_open").equals("1"))
                                .setFollowersAtOpen(longOrNull(r.get("followers_at_open")))
                                .setLog10Followers(
                                        r.get("log10_followers").isEmpty()
                                                ? null
                                                : Double.parseDouble(r.get("log10_followers")))
                                .setBusinessStartSeconds(
                                        longOrNull(r.get("business_start_seconds")))
                                .setBusinessStopSeconds(longOrNull(r.get("business_stop_seconds")))
                                .setBusinessEvent(
                                        r.get("business_event").isEmpty()
                                                ? null
                                                : r.get("business_event").equals("1"))
                                .setFirstChannel(r.get("first_channel"))
                                .setOpenedAt(Long.parseLong(r.get("opened_at_ms")))
                                .setPeriodStart(Long.parseLong(r.get("period_start_ms")))
                                .build());
            }
        }
        return rows;
    }

    /** Unquoted CSV with a header, as DuckDB and R's write.csv(quote = FALSE) write it here. */
    private static List<Map<String, String>> csv(InputStream in) throws IOException {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int k = 0; k < header.length; k++) {
                    row.put(header[k], cells[k]);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static Long longOrNull(String cell) {
        return cell.isEmpty() ? null : Long.parseLong(cell);
    }

    private static InputStream resource(String name) {
        return EffectsTableTest.class.getResourceAsStream("/effects-reference/" + name);
    }

    private static void assertRelative(Double actual, String expected, String what) {
        double value = Double.parseDouble(expected);
        assertThat(actual).as(what).isCloseTo(value, within(RELATIVE * Math.abs(value)));
    }
}
