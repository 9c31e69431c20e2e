package io.squeaky.flink;

import static io.squeaky.cases.Posts.answeringBrand;
import static io.squeaky.cases.Posts.complaint;
import static io.squeaky.cases.Posts.event;
import static io.squeaky.cases.Posts.followUp;
import static io.squeaky.cases.Posts.hours;
import static io.squeaky.cases.Posts.unlinked;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.Timeline;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.Channel;
import io.squeaky.records.TimelineItem;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class BrandStormTest {

    @Test
    void complaintsAreCustomerPostsToAKnownBrandAndOpenedTickets() {
        assertThat(BrandStorm.complaintBrand(unlinked(complaint("1", "100", hours(0), "Amazon"))))
                .isEqualTo("Amazon");
        assertThat(
                        BrandStorm.complaintBrand(
                                answeringBrand(followUp("2", "100", hours(0), "9"), "Tesco")))
                .isEqualTo("Tesco");
        assertThat(BrandStorm.complaintBrand(unlinked(complaint("3", "100", hours(0), null))))
                .isNull();
        assertThat(
                        BrandStorm.complaintBrand(
                                event("T", CaseEventType.OPENED, Channel.PHONE, hours(0))))
                .isEqualTo("Amazon");
        assertThat(
                        BrandStorm.complaintBrand(
                                event("T", CaseEventType.RESOLVED, Channel.PHONE, hours(0))))
                .isNull();
    }

    @Test
    void stampsComplaintsInEventTimeOrderAndForgetsTheBrandAfterAQuietWeek() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, TimelineItem, TimelineItem> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new BrandStorm(), BrandStorm::complaintBrand, Types.STRING)) {
            for (int hour = 48; hour >= 0; hour--) {
                TimelineItem item =
                        unlinked(complaint("c" + hour, "1" + hour, hours(hour), "Amazon"));
                harness.processElement(item, Timeline.time(item));
            }
            harness.processWatermark(hours(48));

            assertThat(harness.extractOutputValues())
                    .hasSize(49)
                    .extracting(Timeline::time)
                    .isSorted();
            assertThat(harness.extractOutputValues().get(48).getBrandStorm())
                    .as("24 complaints a day older than the last one's trailing hour")
                    .isNotNull();
            assertThat(harness.numKeyedStateEntries()).isPositive();

            harness.processWatermark(hours(48) + Duration.ofDays(8).toMillis());
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void inBatchOrderItStampsEveryComplaintAsTheBufferedStreamDoes() throws Exception {
        // Gaps around the retention span (a week, an hour and a minute) put the clearing the
        // retention timers do on either side of the next complaint; zero gaps make instants of
        // several complaints, and a repeated id a complaint delivered twice.
        long[] gaps = {
            0,
            20_000,
            60_000,
            1_800_000,
            3 * 3_600_000L,
            0,
            40_000,
            Duration.ofDays(7).plusHours(1).plusMinutes(1).toMillis() - 30_000,
            Duration.ofDays(7).plusHours(1).plusMinutes(1).toMillis(),
            Duration.ofDays(7).plusHours(1).plusMinutes(1).toMillis() + 30_000,
            Duration.ofDays(7).plusHours(1).plusMinutes(2).toMillis(),
            Duration.ofDays(8).toMillis()
        };
        java.util.Random random = new java.util.Random(7);
        java.util.List<TimelineItem> items = new java.util.ArrayList<>();
        long at = hours(0);
        for (int i = 0; i < 600; i++) {
            // Mostly short gaps, so that baselines fill between the quiet weeks.
            at +=
                    random.nextInt(50) > 0
                            ? gaps[random.nextInt(7)]
                            : gaps[random.nextInt(gaps.length)];
            String id = random.nextInt(20) == 0 && i > 0 ? "c" + (i - 1) : "c" + i;
            items.add(unlinked(complaint(id, "1" + i, at, "Amazon")));
        }
        java.util.List<String> sorted = stamps(new BrandStorm(true), items);
        java.util.Collections.shuffle(items, random);
        java.util.List<String> buffered = stamps(new BrandStorm(false), items);

        assertThat(sorted).hasSize(600).isEqualTo(buffered);
        assertThat(sorted).anyMatch(line -> line.endsWith("null"));
        assertThat(sorted).anyMatch(line -> !line.endsWith("null"));
    }

    /** Each complaint's identity and storm, in output order. */
    private static java.util.List<String> stamps(
            BrandStorm storm, java.util.List<TimelineItem> items) throws Exception {
        java.util.List<TimelineItem> input = new java.util.ArrayList<>(items);
        try (KeyedOneInputStreamOperatorTestHarness<String, TimelineItem, TimelineItem> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        storm, BrandStorm::complaintBrand, Types.STRING)) {
            for (TimelineItem item : input) {
                TimelineItem copy = TimelineItem.newBuilder(item).build();
                harness.processElement(copy, Timeline.time(copy));
            }
            harness.processWatermark(Long.MAX_VALUE);
            return harness.extractOutputValues().stream()
                    .map(
                            item ->
                                    Timeline.time(item)
                                            + " "
                                            + Timeline.identity(item)
                                            + " "
                                            + item.getBrandStorm())
                    .toList();
        }
    }
}
