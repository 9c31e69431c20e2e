package io.squeaky.flink;

import io.squeaky.records.CaseEvent;
import io.squeaky.records.Post;
import io.squeaky.records.Reject;
import io.squeaky.records.SourceRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The gate behind every source: rejects go to their side output, posts and ticket events behind the
 * watermark to the late side outputs, ticket events to theirs, and posts pass on without their
 * text, which nothing downstream reads (its signals were taken when it was parsed).
 */
public final class AdmitPosts extends ProcessFunction<SourceRecord, Post> {

    public static final OutputTag<Reject> REJECTS =
            new OutputTag<>("rejects", new AvroTypeInfo<>(Reject.class));
    public static final OutputTag<Post> LATE =
            new OutputTag<>("late", new AvroTypeInfo<>(Post.class));
    public static final OutputTag<CaseEvent> CASE_EVENTS =
            new OutputTag<>("case-events", new AvroTypeInfo<>(CaseEvent.class));
    public static final OutputTag<CaseEvent> LATE_CASE_EVENTS =
            new OutputTag<>("late-case-events", new AvroTypeInfo<>(CaseEvent.class));

    private transient Count read;
    private transient Count accepted;
    private transient Count rejected;
    private transient Count late;

    @Override
    public void open(OpenContext openContext) {
        read = new Count(getRuntimeContext(), Counters.READ);
        accepted = new Count(getRuntimeContext(), Counters.ACCEPTED);
        rejected = new Count(getRuntimeContext(), Counters.REJECTED);
        late = new Count(getRuntimeContext(), Counters.LATE);
    }

    @Override
    public void processElement(SourceRecord record, Context ctx, Collector<Post> out) {
        read.inc();
        if (record.getReject() != null) {
            rejected.inc();
            ctx.output(REJECTS, record.getReject());
            return;
        }
        if (record.getCaseEvent() != null) {
            CaseEvent event = record.getCaseEvent();
            boolean isLate = event.getOccurredAt() < ctx.timerService().currentWatermark();
            (isLate ? late : accepted).inc();
            ctx.output(isLate ? LATE_CASE_EVENTS : CASE_EVENTS, event);
            return;
        }
        Post post = record.getPost();
        post.setText(null);
        if (post.getCreatedAt() < ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, post);
            return;
        }
        accepted.inc();
        out.collect(post);
    }
}
