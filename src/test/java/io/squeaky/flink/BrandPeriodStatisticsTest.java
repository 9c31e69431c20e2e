package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.Posts;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.metrics.StatsPeriod;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.OpenCase;
import io.squeaky.records.ProvisionalRow;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrandPeriodStatisticsTest {

    private static final long SETTLE = Duration.ofDays(2).toMillis();
    private static final StatisticsSettings SETTINGS =
            StatisticsSettings.of(StatsPeriod.DAY, 99, 1, 10, SETTLE, "test");
    private static final long DAY_ONE = Instant.parse("2017-10-31T00:00:00Z").toEpochMilli();
    private static final long DAY_TWO = DAY_ONE + Duration.ofDays(1).toMillis();

    private static final ProvisionalSchedule HOURLY =
            ProvisionalSchedule.every(Duration.ofHours(1));

    private KeyedTwoInputStreamOperatorTestHarness<String, CaseFacts, OpenCase, BrandMetricRow>
            harness;

    @BeforeEach
    void startHarness() throws Exception {
        harness = harness(ProvisionalSchedule.OFF);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, CaseFacts, OpenCase, BrandMetricRow>
            harness(ProvisionalSchedule provisional) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new BrandPeriodStatistics(SETTINGS, Posts.SCHEDULES, provisional),
                BrandPeriodStatistics.key(SETTINGS),
                BrandPeriodStatistics.openKey(SETTINGS),
                Types.STRING);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void aPeriodFiresOnceEveryCaseOpenedInItMustHaveClosedAndLeavesNoState() throws Exception {
        send(facts("a", DAY_ONE + 3_600_000L));
        send(facts("b", DAY_ONE + 7_200_000L));
        send(facts("c", DAY_TWO + 3_600_000L));
        harness.processBothWatermarks(new Watermark(SETTINGS.firesAt(DAY_ONE) - 1));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processBothWatermarks(new Watermark(SETTINGS.firesAt(DAY_ONE)));

        assertThat(harness.extractOutputValues())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.getPeriodStart()).isEqualTo(DAY_ONE))
                .anySatisfy(
                        row -> {
                            assertThat(row.getFirstChannel()).isEqualTo("all");
                            assertThat(row.getPressureBucket()).isEqualTo("ALL");
                            assertThat(row.getCases()).isEqualTo(2);
                        });
        assertThat(harness.getSideOutput(BrandPeriodStatistics.BRAND_HOURS)).isNotEmpty();
        assertThat(harness.getSideOutput(BrandPeriodStatistics.EQUITY)).isNotEmpty();
        assertThat(harness.numKeyedStateEntries()).as("day two still waits").isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

        assertThat(harness.extractOutputValues())
                .anySatisfy(row -> assertThat(row.getPeriodStart()).isEqualTo(DAY_TWO));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aCaseForAPeriodAlreadyWrittenIsCountedNotWrittenTwice() throws Exception {
        send(facts("a", DAY_ONE));
        harness.processBothWatermarks(new Watermark(SETTINGS.firesAt(DAY_ONE)));
        int written = harness.extractOutputValues().size();

        send(facts("late", DAY_ONE + 60_000L));
        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

        assertThat(harness.extractOutputValues()).hasSize(written);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void provisionalRowsAsOfAnInstantCountItsOpenCasesAndGoWhenThePeriodIsFinal() throws Exception {
        harness.close();
        harness = harness(HOURLY);
        long oneHourIn = DAY_ONE + Duration.ofHours(1).toMillis();
        long twoHoursIn = DAY_ONE + Duration.ofHours(2).toMillis();
        long threeHoursIn = DAY_ONE + Duration.ofHours(3).toMillis();
        long fourHoursIn = DAY_ONE + Duration.ofHours(4).toMillis();
        long fiveHoursIn = DAY_ONE + Duration.ofHours(5).toMillis();
        send(facts("a", DAY_ONE + 60_000L));
        harness.processBothWatermarks(new Watermark(oneHourIn));
        assertThat(provisional(oneHourIn))
                .as("as of one hour in, a alone had closed")
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.getCases()).isEqualTo(1));

        CaseDraft b = OpenCaseDrafts.complaint("b", DAY_ONE + 90_000L, "Amazon");
        CaseDraft c = OpenCaseDrafts.complaint("c", twoHoursIn, "Amazon");
        open(OpenCaseDrafts.version(twoHoursIn, b));
        // Closed at three hours in, ahead of the watermark: as of two hours in it was still open.
        harness.processElement1(
                new StreamRecord<>(OpenCaseDrafts.closedFacts(c, threeHoursIn), threeHoursIn));
        open(OpenCaseDrafts.version(twoHoursIn, c));
        harness.processBothWatermarks(new Watermark(twoHoursIn));

        assertThat(harness.extractOutputValues()).as("nothing final yet").isEmpty();
        assertThat(provisional(twoHoursIn))
                .as("a closed, b and c open")
                .anySatisfy(row -> assertThat(row.getCases()).isEqualTo(3))
                .allSatisfy(row -> assertThat(row.getCases()).isLessThanOrEqualTo(3));

        open(OpenCaseDrafts.end(threeHoursIn, c));
        harness.processBothWatermarks(new Watermark(threeHoursIn));
        assertThat(provisional(threeHoursIn))
                .as("c closed: its open version has ended, the case counts once; b still open")
                .anySatisfy(row -> assertThat(row.getCases()).isEqualTo(3))
                .allSatisfy(row -> assertThat(row.getCases()).isLessThanOrEqualTo(3));

        harness.processBothWatermarks(new Watermark(fourHoursIn));
        assertThat(provisional(fourHoursIn))
                .as("b's one version, censored again an hour later")
                .anySatisfy(row -> assertThat(row.getCases()).isEqualTo(3));

        open(OpenCaseDrafts.end(fiveHoursIn, b));
        harness.processBothWatermarks(new Watermark(fiveHoursIn));
        assertThat(provisional(fiveHoursIn))
                .as("nothing open and nothing closed since: no rows repeating the last")
                .isEmpty();
        assertThat(harness.numEventTimeTimers()).as("only the final firing").isEqualTo(1);

        harness.processBothWatermarks(new Watermark(SETTINGS.firesAt(DAY_ONE)));

        assertThat(harness.extractOutputValues())
                .anySatisfy(row -> assertThat(row.getCases()).isEqualTo(2));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void instantsTheWatermarkPassesAtOnceGetOneComputationAsOfTheLatest() throws Exception {
        harness.close();
        harness = harness(HOURLY);
        for (int hour = 1; hour <= 3; hour++) {
            long closedAt = DAY_ONE + Duration.ofHours(hour).toMillis();
            harness.processElement1(new StreamRecord<>(facts("case" + hour, DAY_ONE), closedAt));
        }
        long threeHoursIn = DAY_ONE + Duration.ofHours(3).toMillis();
        harness.processBothWatermarks(new Watermark(threeHoursIn + 1_800_000));

        assertThat(harness.getSideOutput(BrandPeriodStatistics.PROVISIONAL))
                .extracting(record -> record.getValue().getAsOf())
                .containsOnly(threeHoursIn);
        assertThat(provisional(threeHoursIn))
                .anySatisfy(row -> assertThat(row.getCases()).isEqualTo(3));
        assertThat(harness.numEventTimeTimers()).as("only the final firing").isEqualTo(1);
    }

    @Test
    void aBatchRunCutBeforeAPeriodIsFinalWritesItsRowsAsProvisional() throws Exception {
        harness.close();
        long cut = SETTINGS.firesAt(DAY_ONE) - 1;
        harness = harness(ProvisionalSchedule.cutAt(cut));
        send(facts("a", DAY_ONE + 60_000L));
        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(provisional(cut)).anySatisfy(row -> assertThat(row.getCases()).isEqualTo(1));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    /** The brand_metrics rows written as of an instant. */
    private java.util.List<BrandMetricRow> provisional(long asOf) {
        return harness.getSideOutput(BrandPeriodStatistics.PROVISIONAL).stream()
                .map(StreamRecord::getValue)
                .filter(row -> row.getAsOf() == asOf)
                .map(ProvisionalRow::getRow)
                .filter(BrandMetricRow.class::isInstance)
                .map(BrandMetricRow.class::cast)
                .toList();
    }

    private void open(OpenCase version) throws Exception {
        harness.processElement2(new StreamRecord<>(version, version.getAsOf()));
    }

    private void send(CaseFacts facts) throws Exception {
        harness.processElement1(new StreamRecord<>(facts, facts.getOpenedAt()));
    }

    private static CaseFacts facts(String caseId, long openedAt) {
        return CaseFacts.newBuilder()
                .setCaseId(caseId)
                .setCustomerId("customer-" + caseId)
                .setBrand("Amazon")
                .setOpenedAt(openedAt)
                .setFirstChannel("twitter")
                .setPressureBucket("NONE")
                .setEscalated(false)
                .setOpenedInBusinessHours(true)
                .setFollowersAtOpen(10L)
                .setReachFollowers(10L)
                .setReplied(true)
                .setReplySeconds(600)
                .setBusinessReplySeconds(600)
                .setWaitingUntil(openedAt + 600_000L)
                .setResolved(false)
                .setResolutionSeconds(86_400L)
                .setBusinessResolutionSeconds(28_800L)
                .build();
    }
}
