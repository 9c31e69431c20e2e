package io.squeaky.flink;

import io.squeaky.metrics.ProvisionalSchedule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * The provisional side of a statistics window (items {@code C} of closed cases, snapshots {@code O}
 * of open ones): which items make the window's figures as of a provisional instant, and the timers
 * that compute them only when they changed. A window's figures as of an instant are those of the
 * cases closed by then and the snapshots of the cases still open then. A provisional timer is set
 * at the first instant after each closed case arrives and at each snapshot's instant, never at or
 * after the window's final firing; instants without one would repeat the previous figures.
 *
 * <p>A closed case can arrive before the watermark has passed an earlier provisional instant (the
 * watermark upstream ran ahead): it is noted as closed after that instant, so that the instant's
 * figures count it through its snapshot as still open, as a run cut there does.
 *
 * <p>State: the snapshots, each dropped once its instant has passed, and the cases closed ahead of
 * the watermark, dropped once no pending instant precedes them; both cleared when the window goes
 * final.
 */
final class ProvisionalWindow<C, O> {

    private final ProvisionalSchedule schedule;
    private final ToLongFunction<O> asOf;
    private final Function<O, C> item;
    private final Function<C, String> caseId;
    private final ListState<O> snapshots;
    private final MapState<String, Long> closedAhead;

    ProvisionalWindow(
            RuntimeContext context,
            ProvisionalSchedule schedule,
            TypeInformation<O> snapshotType,
            ToLongFunction<O> asOf,
            Function<O, C> item,
            Function<C, String> caseId) {
        this.schedule = schedule;
        this.asOf = asOf;
        this.item = item;
        this.caseId = caseId;
        this.snapshots =
                context.getListState(new ListStateDescriptor<>("open-snapshots", snapshotType));
        this.closedAhead =
                context.getMapState(
                        new MapStateDescriptor<>("closed-ahead", Types.STRING, Types.LONG));
    }

    /** A closed case's item arrived with the event time it closed at. */
    void closed(C closed, Long closedAt, long firesAt, TimerService timers) throws Exception {
        if (!schedule.ticks() || closedAt == null) {
            return;
        }
        long watermark = timers.currentWatermark();
        long tick = schedule.tickAtOrAfter(Math.max(closedAt, watermark + 1));
        if (tick < firesAt) {
            timers.registerEventTimeTimer(tick);
        }
        if (schedule.tickAfter(watermark) < closedAt) {
            closedAhead.put(caseId.apply(closed), closedAt);
        }
    }

    /** A snapshot of an open case, kept only if its instant comes before the final firing. */
    void open(O snapshot, long firesAt, TimerService timers) throws Exception {
        long at = asOf.applyAsLong(snapshot);
        if (at >= firesAt || at <= timers.currentWatermark()) {
            return;
        }
        snapshots.add(snapshot);
        timers.registerEventTimeTimer(at);
    }

    /**
     * Whether to compute the figures as of a provisional instant whose timer fires now: not when
     * the watermark has already passed a later instant, as when the job catches up on a backlog or
     * the input ends. The window then computes once, as of the latest instant passed (its timer is
     * set there and fires in the same advance of the watermark), and the instants in between get no
     * rows of it: a replay at a high speed-up pays for the instants it shows, not for every one it
     * passes.
     */
    boolean due(long instant, long firesAt, TimerService timers) {
        long latest = schedule.tickAtOrBefore(timers.currentWatermark());
        if (latest <= instant) {
            return true;
        }
        if (latest < firesAt) {
            timers.registerEventTimeTimer(latest);
        }
        return false;
    }

    /**
     * The window's items as of a provisional instant: the closed ones, less those closed after it,
     * and the snapshots taken at it. Drops the state the instant no longer needs.
     */
    List<C> asOf(long instant, Iterable<C> closed) throws Exception {
        Set<String> closedLater = new HashSet<>();
        long nextTick = schedule.tickAfter(instant);
        Iterator<Map.Entry<String, Long>> ahead = closedAhead.iterator();
        while (ahead.hasNext()) {
            Map.Entry<String, Long> entry = ahead.next();
            if (entry.getValue() > instant) {
                closedLater.add(entry.getKey());
            }
            if (entry.getValue() <= nextTick) {
                ahead.remove();
            }
        }
        List<C> items = new ArrayList<>();
        for (C c : closed) {
            if (!closedLater.contains(caseId.apply(c))) {
                items.add(c);
            }
        }
        List<O> later = new ArrayList<>();
        for (O snapshot : snapshots.get()) {
            long at = asOf.applyAsLong(snapshot);
            if (at == instant) {
                items.add(item.apply(snapshot));
            } else if (at > instant) {
                later.add(snapshot);
            }
        }
        if (later.isEmpty()) {
            snapshots.clear();
        } else {
            snapshots.update(later);
        }
        return items;
    }

    void clear() {
        snapshots.clear();
        closedAhead.clear();
    }
}
