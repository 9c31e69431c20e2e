package io.squeaky.flink;

import io.squeaky.cases.Timeline;
import io.squeaky.records.TimelineItem;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * Keyed state holding timeline items until event time reaches them, so that a keyed function sees
 * its items in event-time order whatever order they arrive in. The caller sets a timer at each
 * item's time and takes the items due when it fires.
 */
final class EventTimeBuffer {

    private final MapState<Long, List<TimelineItem>> waiting;

    EventTimeBuffer(RuntimeContext context) {
        this.waiting =
                context.getMapState(
                        new MapStateDescriptor<>(
                                "buffer",
                                Types.LONG,
                                Types.LIST(new AvroTypeInfo<>(TimelineItem.class))));
    }

    void add(TimelineItem item) throws Exception {
        long at = Timeline.time(item);
        List<TimelineItem> due = waiting.get(at);
        if (due == null) {
            due = new ArrayList<>(1);
        }
        due.add(item);
        waiting.put(at, due);
    }

    /** The items of this instant, in timeline order, removed from the buffer. */
    List<TimelineItem> take(long at) throws Exception {
        List<TimelineItem> due = waiting.get(at);
        if (due == null) {
            return List.of();
        }
        waiting.remove(at);
        due.sort(Timeline.ORDER);
        return due;
    }

    /** Whether items of this instant are waiting, so that its timer is still needed. */
    boolean holds(long at) throws Exception {
        return waiting.contains(at);
    }

    boolean isEmpty() throws Exception {
        return waiting.isEmpty();
    }
}
