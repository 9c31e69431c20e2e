package io.squeaky.flink;

import io.squeaky.cases.LateIdentities;
import io.squeaky.ingest.InputFormat;
import io.squeaky.records.CaseEvent;
import io.squeaky.records.LateRecord;
import io.squeaky.records.Post;
import io.squeaky.records.Reject;
import io.squeaky.records.SourceRecord;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The gate behind every source ({@link JobWatermarkGate} runs it in a stream): blank rows are
 * counted and go no further, rejects to their side output, posts and ticket events behind the
 * watermark to the late side outputs, ticket events to theirs, and posts pass on without their
 * text, which nothing downstream reads (its signals were taken when it was parsed).
 */
public final class AdmitPosts extends ProcessFunction<SourceRecord, Post> {

    private final LateIdentities identities;

    public AdmitPosts(LateIdentities identities) {
        this.identities = identities;
    }

    public static final OutputTag<Reject> REJECTS =
            new OutputTag<>("rejects", new AvroTypeInfo<>(Reject.class));
    public static final OutputTag<LateRecord> LATE =
            new OutputTag<>("late", new AvroTypeInfo<>(LateRecord.class));
    public static final OutputTag<CaseEvent> CASE_EVENTS =
            new OutputTag<>("case-events", new AvroTypeInfo<>(CaseEvent.class));

    private transient Count read;
    private transient Count accepted;
    private transient Count rejected;
    private transient Count late;
    private transient Count eventsRead;
    private transient Count eventsAccepted;
    private transient LongMaximum eventTimeReached;
    private transient Count blank;
    private transient volatile long lastWatermark = Long.MIN_VALUE;

    @Override
    public void open(OpenContext openContext) {
        read = new Count(getRuntimeContext(), Counters.READ);
        accepted = new Count(getRuntimeContext(), Counters.ACCEPTED);
        rejected = new Count(getRuntimeContext(), Counters.REJECTED);
        late = new Count(getRuntimeContext(), Counters.LATE);
        eventsRead = new Count(getRuntimeContext(), Counters.EVENTS_READ);
        eventsAccepted = new Count(getRuntimeContext(), Counters.EVENTS_ACCEPTED);
        eventTimeReached = new LongMaximum(Long.MIN_VALUE);
        getRuntimeContext().addAccumulator(Counters.EVENT_TIME_REACHED, eventTimeReached);
        blank = new Count(getRuntimeContext(), Counters.BLANK);
        getRuntimeContext()
                .getMetricGroup()
                .gauge(
                        Counters.WATERMARK_LAG,
                        () ->
                                lastWatermark == Long.MIN_VALUE
                                        ? 0L
                                        : System.currentTimeMillis() - lastWatermark);
    }

    private static LateRecord.Builder late(String kind, String id, long eventTime, long watermark) {
        return LateRecord.newBuilder()
                .setKind(kind)
                .setRecordId(id)
                .setEventTime(eventTime)
                .setWatermark(watermark)
                .setLatenessSeconds(Math.floorDiv(watermark - eventTime, 1000L))
                .setReason(
                        "arrived after the job's event time had passed its time: more out of"
                                + " order than --out-of-order allows, or from a partition silent"
                                + " for longer than --idleness while the others moved on");
    }

    @Override
    public void processElement(SourceRecord record, Context ctx, Collector<Post> out) {
        if (record.getBlankRows() > 0) {
            read.add(record.getBlankRows());
            blank.add(record.getBlankRows());
            return;
        }
        read.inc();
        if (record.getReject() != null) {
            if (InputFormat.isServiceDesk(record.getReject().getSourceFormat())) {
                eventsRead.inc();
            }
            rejected.inc();
            ctx.output(REJECTS, record.getReject());
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        lastWatermark = watermark;
        if (record.getCaseEvent() != null) {
            CaseEvent event = record.getCaseEvent();
            eventsRead.inc();
            if (event.getOccurredAt() < watermark) {
                late.inc();
                ctx.output(
                        LATE,
                        late("case_event", event.getTicketId(), event.getOccurredAt(), watermark)
                                .setCaseEvent(identities.pseudonymise(event))
                                .build());
            } else {
                accepted.inc();
                eventsAccepted.inc();
                eventTimeReached.add(event.getOccurredAt());
                ctx.output(CASE_EVENTS, event);
            }
            return;
        }
        Post post = record.getPost();
        post.setText(null);
        if (post.getCreatedAt() < watermark) {
            late.inc();
            ctx.output(
                    LATE,
                    late(
                                    "post",
                                    post.getNetwork() + ":" + post.getPostId(),
                                    post.getCreatedAt(),
                                    watermark)
                            .setPost(identities.pseudonymise(post))
                            .build());
            return;
        }
        accepted.inc();
        eventTimeReached.add(post.getCreatedAt());
        out.collect(post);
    }
}
