package io.squeaky.flink;

import io.squeaky.cases.Timeline;
import io.squeaky.pressure.StormMeter;
import io.squeaky.records.BrandActivity;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.TimelineItem;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 *
 * <p>In BATCH mode a brand's complaints arrive together and sorted by time (Flink sorts a keyed
 * input by key, then timestamp), so nothing needs to wait: each instant's complaints are stamped
 * when the next instant's arrive, and the clearing the retention timers would have done is replayed
 * from the complaint times of the last retention span. Only one instant and one week of times are
 * held, not the brand's whole input.
 */
public final class BrandStorm extends KeyedProcessFunction<String, TimelineItem, TimelineItem> {

    private static final long RETENTION = Duration.ofDays(7).plusHours(1).plusMinutes(1).toMillis();

    private final StormMeter meter = new StormMeter();
    private final boolean sortedByTime;

    private transient EventTimeBuffer buffer;
    private transient ValueState<BrandActivity> activity;

    // BATCH only, for the one brand being read: its current instant, and its earlier instants
    // whose retention timers have not passed yet.
    private transient List<TimelineItem> instant;
    private transient long instantAt;
    private transient ArrayDeque<Long> stamped;

    /** For an input in event-time order of arrival or not: items wait for the watermark. */
    public BrandStorm() {
        this(false);
    }

    /**
     * @param sortedByTime each key's items arrive together and in event-time order, as BATCH mode
     *     delivers them
     */
    public BrandStorm(boolean sortedByTime) {
        this.sortedByTime = sortedByTime;
    }

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
        instant = new ArrayList<>();
        stamped = new ArrayDeque<>();
    }

    @Override
    public void processElement(TimelineItem item, Context ctx, Collector<TimelineItem> out)
            throws Exception {
        long at = Timeline.time(item);
        if (sortedByTime) {
            if (!instant.isEmpty() && at != instantAt) {
                stampInstant(out);
            }
            if (instant.isEmpty()) {
                instantAt = at;
                // Fires when the brand's input ends, for its last instant.
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
            instant.add(item);
            return;
        }
        buffer.add(item);
        ctx.timerService().registerEventTimeTimer(at);
        ctx.timerService().registerEventTimeTimer(at + RETENTION);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TimelineItem> out)
            throws Exception {
        if (sortedByTime) {
            stampInstant(out);
            activity.clear();
            stamped.clear();
            return;
        }
        stamp(timestamp, buffer.take(timestamp), out);
    }

    /** BATCH: the current instant's complaints, after the retention timers due before it. */
    private void stampInstant(Collector<TimelineItem> out) throws Exception {
        // The timers at t + RETENTION of earlier instants t that fall before this instant each
        // cleared the activity if it had expired by then; expiry only grows with time, so the
        // latest of them decides.
        long latest = Long.MIN_VALUE;
        while (!stamped.isEmpty() && stamped.peekFirst() + RETENTION <= instantAt) {
            long due = stamped.pollFirst() + RETENTION;
            // A timer due at this very instant is its own, which stamp() replays.
            if (due < instantAt) {
                latest = due;
            }
        }
        BrandActivity current = activity.value();
        if (current != null && latest != Long.MIN_VALUE && meter.expired(current, latest)) {
            activity.clear();
        }
        List<TimelineItem> items = new ArrayList<>(instant);
        instant.clear();
        items.sort(Timeline.ORDER);
        stamp(instantAt, items, out);
        stamped.addLast(instantAt);
    }

    /** Stamps the complaints of one instant, in timeline order, as its timer would. */
    private void stamp(long timestamp, List<TimelineItem> items, Collector<TimelineItem> out)
            throws Exception {
        BrandActivity current = activity.value();
        // An item delivered twice is one complaint: both copies get the same reading, so
        // whichever copy case assembly keeps, the case is the same.
        Map<String, Double> read = new HashMap<>();
        for (TimelineItem item : items) {
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
