package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.Posts;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.metrics.StatsPeriod;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseFacts;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
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

    private KeyedOneInputStreamOperatorTestHarness<String, CaseFacts, BrandMetricRow> harness;

    @BeforeEach
    void startHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new BrandPeriodStatistics(SETTINGS, Posts.SCHEDULES),
                        BrandPeriodStatistics.key(SETTINGS),
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
        harness.processWatermark(SETTINGS.firesAt(DAY_ONE) - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(SETTINGS.firesAt(DAY_ONE));

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

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .anySatisfy(row -> assertThat(row.getPeriodStart()).isEqualTo(DAY_TWO));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aCaseForAPeriodAlreadyWrittenIsCountedNotWrittenTwice() throws Exception {
        send(facts("a", DAY_ONE));
        harness.processWatermark(SETTINGS.firesAt(DAY_ONE));
        int written = harness.extractOutputValues().size();

        send(facts("late", DAY_ONE + 60_000L));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).hasSize(written);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    private void send(CaseFacts facts) throws Exception {
        harness.processElement(new StreamRecord<>(facts, facts.getOpenedAt()));
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
