package io.squeaky.flink;

import io.squeaky.cases.CaseAssembler;
import io.squeaky.cases.Timeline;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.OpenCase;
import io.squeaky.records.TimelineItem;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by customer: feeds {@link CaseAssembler} in event-time order, whatever order items arrive
 * in. An item waits in a buffer until the watermark reaches it; a timer at the moment the session
 * goes quiet closes it. In BATCH mode every timer fires at the end of the key with the watermark at
 * its maximum, in timestamp order, so the same steps run in the same order; timers cannot be set
 * then, and the last timer closes what is left.
 *
 * <p>State: the buffer (emptied as the watermark passes), the open session (cleared when it closes)
 * and the time of its closing timer. The closing time moves earlier when a reply ends the wait for
 * a reply window, so the timer set for the old time is deleted, not left to fire idly.
 *
 * <p>Provisional statistics: at the first provisional instant after an open session changed, a
 * timer looks at its cases; the cases themselves are written only when the session closes, as
 * before. Only what changed goes to {@link #OPEN_CASES}: a version of each of the session's cases
 * (which the statistics windows keep, and censor at every instant until the next version), and the
 * end of each case snapshotted before and gone now (closed, or rebuilt into another); when the
 * session closes, the end of every case it had snapshotted. A case open for days is sent once per
 * change, not once per instant, and an unchanged session sets no timer at the instants between. The
 * pending provisional timer is deleted when the session closes, so a customer who went quiet leaves
 * no timer behind; what the session had snapshotted is cleared with it.
 */
public final class AssembleCases extends KeyedProcessFunction<String, TimelineItem, CaseDraft> {

    /** Versions of the cases still open, and their ends, from provisional instants on. */
    public static final OutputTag<OpenCase> OPEN_CASES =
            new OutputTag<>("open-cases", new AvroTypeInfo<>(OpenCase.class));

    private final CaseAssembler assembler;
    private final ProvisionalSchedule provisional;

    private transient EventTimeBuffer buffer;
    private transient ValueState<CustomerTimeline> session;
    private transient ValueState<Long> closeTimer;
    private transient OpenCaseVersions versions;
    private transient Count unattributed;
    private transient Count unplacedReplies;
    private transient Count duplicateEvents;
    private transient CloseLatency latency;

    public AssembleCases(CaseAssembler assembler, ProvisionalSchedule provisional) {
        this.assembler = assembler;
        this.provisional = provisional;
    }

    @Override
    public void open(OpenContext openContext) {
        buffer = new EventTimeBuffer(getRuntimeContext());
        session =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "session", new AvroTypeInfo<>(CustomerTimeline.class)));
        closeTimer =
                getRuntimeContext().getState(new ValueStateDescriptor<>("close-timer", Types.LONG));
        versions = new OpenCaseVersions(getRuntimeContext());
        unattributed = new Count(getRuntimeContext(), Counters.UNATTRIBUTED);
        unplacedReplies = new Count(getRuntimeContext(), Counters.UNPLACED_REPLIES);
        duplicateEvents = new Count(getRuntimeContext(), Counters.DUPLICATE_EVENTS);
        latency = new CloseLatency(getRuntimeContext());
    }

    @Override
    public void processElement(TimelineItem item, Context ctx, Collector<CaseDraft> out)
            throws Exception {
        buffer.add(item);
        ctx.timerService().registerEventTimeTimer(Timeline.time(item));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CaseDraft> out)
            throws Exception {
        String customer = ctx.getCurrentKey();
        boolean atEnd = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        CustomerTimeline timeline = session.value();
        if (timeline == null) {
            timeline = CaseAssembler.emptyTimeline();
        }
        Long ingestedBefore = timeline.getLastIngestedAt();
        emit(assembler.closeIfQuiet(customer, timeline, timestamp, atEnd), ingestedBefore, out);
        for (TimelineItem item : buffer.take(timestamp)) {
            Long ingested = timeline.getLastIngestedAt();
            emit(assembler.accept(customer, timeline, item), ingested, out);
        }
        if (atEnd && buffer.isEmpty()) {
            Long ingested = timeline.getLastIngestedAt();
            emit(assembler.close(customer, timeline, true), ingested, out);
        } else if (!atEnd) {
            moveCloseTimer(timestamp, assembler.closesAt(timeline), ctx);
            if (provisional.ticks()) {
                tick(customer, timeline, timestamp, ctx);
            }
        }
        if (timeline.getItems().isEmpty()) {
            session.clear();
            closeTimer.clear();
            versions.clear();
        } else {
            session.update(timeline);
        }
    }

    private void moveCloseTimer(long now, long closesAt, OnTimerContext ctx) throws Exception {
        Long previous = closeTimer.value();
        if (previous != null && previous != closesAt && previous > now && !buffer.holds(previous)) {
            ctx.timerService().deleteEventTimeTimer(previous);
        }
        if (closesAt == Long.MAX_VALUE) {
            closeTimer.clear();
        } else {
            ctx.timerService().registerEventTimeTimer(closesAt);
            closeTimer.update(closesAt);
        }
    }

    /**
     * At a provisional instant, sends what changed in the open session's cases since the last
     * snapshot; when the session has closed, the end of every case it snapshotted, from the first
     * instant it was no longer open at. Keeps a provisional timer pending only while the session
     * has changed since its last snapshot: an unchanged session has nothing to send, and a case
     * open for weeks would otherwise wake its customer's state at every instant.
     */
    private void tick(String customer, CustomerTimeline timeline, long now, OnTimerContext ctx)
            throws Exception {
        long next = provisional.tickAfter(now);
        if (timeline.getItems().isEmpty()) {
            versions.endAll(provisional.tickAtOrAfter(now)).forEach(v -> ctx.output(OPEN_CASES, v));
            if (!buffer.holds(next)) {
                ctx.timerService().deleteEventTimeTimer(next);
            }
            return;
        }
        if (!versions.changed(timeline)) {
            return;
        }
        if (provisional.isTick(now)) {
            versions.snapshot(now, timeline, assembler.snapshot(customer, timeline))
                    .forEach(v -> ctx.output(OPEN_CASES, v));
        } else {
            // Registered again even when pending: moving the close timer may have deleted it.
            ctx.timerService().registerEventTimeTimer(next);
        }
    }

    private void emit(CaseAssembler.Closed closed, Long lastIngestedAt, Collector<CaseDraft> out) {
        closed.drafts().forEach(out::collect);
        if (lastIngestedAt != null && !closed.drafts().isEmpty()) {
            latency.record(System.currentTimeMillis() - lastIngestedAt);
        }
        unattributed.add(closed.unattributedPosts());
        unplacedReplies.add(closed.unplacedReplies());
        duplicateEvents.add(closed.duplicates());
    }
}
