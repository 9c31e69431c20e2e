package io.squeaky.flink;

import io.squeaky.cases.Timeline;
import io.squeaky.pressure.StormMeter;
import io.squeaky.records.BrandActivity;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.TimelineItem;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by brand: stamps each complaint against the brand with the storm ratio as of its moment
 * ({@link StormMeter}), in event-time order whatever the arrival order. Complaints are customer
 * posts whose brand is known when they are linked (they answer the brand's post or mention it) and
 * tickets opened at the service desk.
 *
 * <p>State: complaints waiting for the watermark; the brand's last week of complaint counts,
 * cleared by a timer once no later complaint could see it.
 */
public final class BrandStorm extends KeyedProcessFunction<String, TimelineItem, TimelineItem> {

    private static final long RETENTION = Duration.ofDays(7).plusHours(1).plusMinutes(1).toMillis();

    private final StormMeter meter = new StormMeter();

    private transient EventTimeBuffer buffer;
    private transient ValueState<BrandActivity> activity;

    /** The brand a timeline item complains to, or null if it is not a complaint. */
    public static String complaintBrand(TimelineItem item) {
        if (item.getCaseEvent() != null) {
            return item.getCaseEvent().getEventType() == CaseEventType.OPENED
                    ? item.getCaseEvent().getBrand()
                    : null;
        }
        LinkedPost linked = item.getPost();
        if (item.getAmplifies() || linked.getPost().getAuthorIsBrand()) {
            return null;
        }
        if (linked.getParentKnown() && linked.getParentIsBrand()) {
            return linked.getParentBrand();
        }
        return linked.getPost().getAddressedBrand();
    }

    @Override
    public void open(OpenContext openContext) {
        buffer = new EventTimeBuffer(getRuntimeContext());
        activity =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "activity", new AvroTypeInfo<>(BrandActivity.class)));
    }

    @Override
    public void processElement(TimelineItem item, Context ctx, Collector<TimelineItem> out)
            throws Exception {
        long at = Timeline.time(item);
        buffer.add(item);
        ctx.timerService().registerEventTimeTimer(at);
        ctx.timerService().registerEventTimeTimer(at + RETENTION);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TimelineItem> out)
            throws Exception {
        BrandActivity current = activity.value();
        // An item delivered twice is one complaint: both copies get the same reading, so
        // whichever copy case assembly keeps, the case is the same.
        Map<String, Double> read = new HashMap<>();
        for (TimelineItem item : buffer.take(timestamp)) {
            if (current == null) {
                current = StormMeter.newActivity(timestamp);
            }
            String identity = Timeline.identity(item);
            if (!read.containsKey(identity)) {
                read.put(identity, meter.observe(current, timestamp));
            }
            item.setBrandStorm(read.get(identity));
            out.collect(item);
        }
        if (current != null && meter.expired(current, timestamp)) {
            activity.clear();
        } else if (current != null) {
            activity.update(current);
        }
    }
}
