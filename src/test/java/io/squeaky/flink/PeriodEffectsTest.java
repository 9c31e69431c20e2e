package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.Posts;
import io.squeaky.metrics.FitInterval;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.metrics.StatsPeriod;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.HazardRatioRow;
import io.squeaky.records.OpenCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class PeriodEffectsTest {

    private static final long SETTLE = Duration.ofDays(2).toMillis();
    private static final StatisticsSettings SETTINGS =
            StatisticsSettings.of(StatsPeriod.DAY, 99, 1, 10, SETTLE, "test");
    private static final long DAY_ONE = Instant.parse("2017-10-31T00:00:00Z").toEpochMilli();
    private static final long DAY_TWO = DAY_ONE + Duration.ofDays(1).toMillis();

    @Test
    void aPeriodFiresWhenItsCasesMustHaveClosedAndLeavesNoState() throws Exception {
        try (var harness = perPeriod(ProvisionalSchedule.OFF)) {
            sendCases(harness, DAY_ONE);
            sendCases(harness, DAY_TWO);
            harness.processBothWatermarks(new Watermark(SETTINGS.firesAt(DAY_ONE) - 1));
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processBothWatermarks(new Watermark(SETTINGS.firesAt(DAY_ONE)));

            List<HazardRatioRow> dayOne = harness.extractOutputValues();
            assertThat(dayOne)
                    .isNotEmpty()
                    .allSatisfy(
                            row -> {
                                assertThat(row.getPeriod()).isEqualTo("DAY");
                                assertThat(row.getPeriodStart()).isEqualTo(DAY_ONE);
                                assertThat(row.getConfigHash()).isEqualTo(SETTINGS.configHash());
                                assertThat(row.getClock()).isIn("calendar", "business");
                            })
                    .filteredOn(row -> row.getScope().equals("study") && headline(row))
                    .extracting(HazardRatioRow::getCovariate)
                    .containsExactly("public", "persistence", "desk_open");
            assertThat(harness.numKeyedStateEntries()).as("day two still waits").isEqualTo(1);
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);

            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(harness.extractOutputValues())
                    .anySatisfy(row -> assertThat(row.getPeriodStart()).isEqualTo(DAY_TWO));
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void theWholeInputIsFittedAtItsEndFromTheEarliestPeriod() throws Exception {
        try (var harness =
                new OneInputStreamOperatorTestHarness<>(new BatchEffects(SETTINGS, false))) {
            harness.open();
            sendCases(row -> harness.processElement(row, row.openedAt()), DAY_TWO);
            sendCases(row -> harness.processElement(row, row.openedAt()), DAY_ONE);
            harness.processWatermark(SETTINGS.firesAt(DAY_TWO));
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.endInput();

            assertThat(harness.extractOutputValues())
                    .isNotEmpty()
                    .allSatisfy(
                            row -> {
                                assertThat(row.getPeriod()).isEqualTo("all");
                                assertThat(row.getPeriodStart()).isEqualTo(DAY_ONE);
                            })
                    .filteredOn(
                            row ->
                                    row.getScope().equals("study")
                                            && headline(row)
                                            && row.getCovariate().equals("public"))
                    .singleElement()
                    .satisfies(row -> assertThat(row.getCases()).isEqualTo(2 * CASES));
        }
    }

    @Test
    void aBatchRunWritesEachPeriodsRowsAsTheWindowsDoAndTheWholeInputsAfterThem() throws Exception {
        List<HazardRatioRow> windows;
        try (var harness = perPeriod(ProvisionalSchedule.OFF)) {
            sendCases(harness, DAY_ONE);
            sendCases(harness, DAY_TWO);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            windows = harness.extractOutputValues();
        }
        List<HazardRatioRow> batch;
        List<HazardRatioRow> wholeOnly;
        try (var harness =
                        new OneInputStreamOperatorTestHarness<>(new BatchEffects(SETTINGS, true));
                var whole =
                        new OneInputStreamOperatorTestHarness<>(
                                new BatchEffects(SETTINGS, false))) {
            harness.open();
            whole.open();
            // Arrival order differs from the windows': the rows must not.
            sendCases(row -> harness.processElement(row, row.openedAt()), DAY_TWO);
            sendCases(row -> harness.processElement(row, row.openedAt()), DAY_ONE);
            sendCases(row -> whole.processElement(row, row.openedAt()), DAY_ONE);
            sendCases(row -> whole.processElement(row, row.openedAt()), DAY_TWO);
            harness.endInput();
            whole.endInput();
            batch = harness.extractOutputValues();
            wholeOnly = whole.extractOutputValues();
        }

        assertThat(batch.stream().filter(row -> !row.getPeriod().equals("all")).toList())
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(windows);
        assertThat(batch.stream().filter(row -> row.getPeriod().equals("all")).toList())
                .isNotEmpty()
                .containsExactlyElementsOf(wholeOnly);
    }

    @Test
    void provisionalRowsCountTheOpenCasesAsOfTheirInstantAndGoWhenThePeriodIsFinal()
            throws Exception {
        long asOf = DAY_ONE + Duration.ofHours(2).toMillis();
        try (var harness = perPeriod(ProvisionalSchedule.every(Duration.ofHours(1)))) {
            sendCases(harness, DAY_ONE);
            CaseDraft open = OpenCaseDrafts.complaint("open", DAY_ONE + 60_000L, "Amazon");
            harness.processElement2(new StreamRecord<>(OpenCaseDrafts.version(asOf, open), asOf));
            harness.processBothWatermarks(new Watermark(asOf));

            assertThat(harness.extractOutputValues()).as("nothing final yet").isEmpty();
            assertThat(harness.getSideOutput(PeriodEffects.PROVISIONAL))
                    .extracting(StreamRecord::getValue)
                    .filteredOn(row -> row.getAsOf() == asOf)
                    .extracting(row -> (HazardRatioRow) row.getRow())
                    .filteredOn(
                            row ->
                                    row.getScope().equals("study")
                                            && headline(row)
                                            && row.getEndpoint().equals("first_reply"))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getCases()).isEqualTo(CASES + 1));
            assertThat(harness.numEventTimeTimers())
                    .as("the final firing, and the next instant while the case is open")
                    .isEqualTo(2);

            harness.processBothWatermarks(new Watermark(SETTINGS.firesAt(DAY_ONE)));

            assertThat(harness.extractOutputValues())
                    .filteredOn(row -> row.getScope().equals("study") && headline(row))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getCases()).isEqualTo(CASES));
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    private static final int CASES = 12;

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, FitInterval, OpenCase, HazardRatioRow>
            perPeriod(ProvisionalSchedule provisional) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new PeriodEffects(SETTINGS, Posts.SCHEDULES, provisional),
                PeriodEffects.byPeriod(),
                PeriodEffects.openByPeriod(SETTINGS.period()),
                Types.STRING);
    }

    /**
     * Cases of one period, two brands: each waits, private, a varying time, goes public and is
     * answered some time later; every third is never answered.
     */
    private static void sendCases(
            KeyedTwoInputStreamOperatorTestHarness<String, FitInterval, OpenCase, HazardRatioRow>
                    harness,
            long periodStart)
            throws Exception {
        sendCases(row -> harness.processElement1(row, row.openedAt()), periodStart);
    }

    /** Where the intervals of {@link #sendCases} go: the harness's input of closed cases. */
    @FunctionalInterface
    private interface Input {
        void send(FitInterval row) throws Exception;
    }

    private static void sendCases(Input harness, long periodStart) throws Exception {
        for (int i = 0; i < CASES; i++) {
            String caseId = periodStart + "-" + i;
            long publicAt = 600L * (1 + i % 5);
            long stop = publicAt + 300L * (1 + (i * 7) % 4);
            boolean answered = i % 3 != 0;
            String brand = i % 2 == 0 ? "Amazon" : "Uber";
            send(harness, interval(caseId, brand, periodStart, 0, publicAt, false, false, i));
            send(harness, interval(caseId, brand, periodStart, publicAt, stop, answered, true, i));
        }
    }

    private static CaseIntervalRow interval(
            String caseId,
            String brand,
            long periodStart,
            long start,
            long stop,
            boolean event,
            boolean isPublic,
            int i) {
        return CaseIntervalRow.newBuilder()
                .setCaseId(caseId)
                .setCustomerId("customer-" + i)
                .setBrand(brand)
                .setEndpoint("first_reply")
                .setStartSeconds(start)
                .setStopSeconds(stop)
                .setEvent(event)
                .setPublic$(isPublic)
                .setPersistence(isPublic ? 1 + i % 2 : 0)
                .setAmplification(0)
                .setBrandStorm(null)
                .setDeskOpen(i % 4 != 1)
                .setFollowersAtOpen(null)
                .setFirstChannel("phone")
                .setOpenedAt(periodStart + 60_000L * i)
                .setPeriodStart(periodStart)
                .build();
    }

    private static void send(Input harness, CaseIntervalRow row) throws Exception {
        harness.send(FitInterval.of(row));
    }

    /** A row of the calendar-clock pressure model, the one every case's intervals enter. */
    private static boolean headline(HazardRatioRow row) {
        return row.getClock().equals("calendar") && row.getSpecification().equals("pressure");
    }
}
