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
}
