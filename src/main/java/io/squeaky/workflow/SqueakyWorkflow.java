package io.squeaky.workflow;

import io.squeaky.cases.CaseAssembler;
import io.squeaky.cases.CaseRules;
import io.squeaky.cases.Pseudonymizer;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.flink.AdmitPosts;
import io.squeaky.flink.AssembleCases;
import io.squeaky.flink.CustomerTraffic;
import io.squeaky.flink.DataHorizon;
import io.squeaky.flink.LinkMessages;
import io.squeaky.flink.ReplyLinker;
import io.squeaky.flink.SettleCensoring;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.LinkMessage;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import io.squeaky.records.Reject;
import io.squeaky.records.SourceRecord;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The one pipeline, for the batch job and the streaming job alike: posts are admitted, linked to
 * the posts they answer, assembled into cases per customer, censored, and handed to the sinks the
 * job attaches. Jobs differ only in their sources, sinks and runtime mode.
 */
public final class SqueakyWorkflow {

    private SqueakyWorkflow() {}

    /** What the workflow needs besides its input. */
    public record Settings(CaseRules rules, Pseudonymizer pseudonyms, ScheduleBook schedules)
            implements Serializable {}

    /** The workflow's output streams, one per table. */
    public record Outputs(
            DataStream<CaseRecord> cases,
            DataStream<ExchangeRecord> exchanges,
            DataStream<Reject> rejects,
            DataStream<Post> late) {}

    /** Event time from the post; rejects carry none and never hold the watermark back. */
    public static WatermarkStrategy<SourceRecord> watermarks(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<SourceRecord>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(
                        (record, previous) ->
                                record.getPost() != null
                                        ? record.getPost().getCreatedAt()
                                        : Long.MIN_VALUE)
                .withIdleness(idleness);
    }

    public static void define(
            DataStream<SourceRecord> input, Settings settings, Consumer<Outputs> sinks) {
        SingleOutputStreamOperator<Post> posts =
                input.process(new AdmitPosts())
                        .returns(new AvroTypeInfo<>(Post.class))
                        .name("admit posts")
                        .uid("admit-posts");

        SingleOutputStreamOperator<LinkedPost> linked =
                posts.flatMap(new LinkMessages())
                        .returns(new AvroTypeInfo<>(LinkMessage.class))
                        .name("address to reply linker")
                        .keyBy(new LinkMessages.ByTargetPost())
                        .process(new ReplyLinker(settings.rules()))
                        .returns(new AvroTypeInfo<>(LinkedPost.class))
                        .name("link replies to parents")
                        .uid("reply-linker");

        SingleOutputStreamOperator<CaseDraft> drafts =
                linked.process(new CustomerTraffic())
                        .returns(new AvroTypeInfo<>(LinkedPost.class))
                        .name("keep customer traffic")
                        .uid("customer-traffic")
                        .keyBy(new CustomerTraffic.ByCustomer())
                        .process(
                                new AssembleCases(
                                        new CaseAssembler(
                                                settings.rules(),
                                                settings.pseudonyms(),
                                                settings.schedules())))
                        .returns(new AvroTypeInfo<>(CaseDraft.class))
                        .name("assemble cases")
                        .uid("assemble-cases");

        BroadcastStream<Long> horizon =
                posts.map(p -> p.getCreatedAt())
                        .returns(Types.LONG)
                        .name("event time")
                        .keyBy(t -> 0, Types.INT)
                        .process(new DataHorizon())
                        .returns(Types.LONG)
                        .name("data horizon")
                        .uid("data-horizon")
                        .broadcast(SettleCensoring.HORIZON);

        SingleOutputStreamOperator<CaseRecord> cases =
                drafts.keyBy(d -> d.getCaseRow().getCaseId(), Types.STRING)
                        .connect(horizon)
                        .process(new SettleCensoring(settings.schedules()))
                        .returns(new AvroTypeInfo<>(CaseRecord.class))
                        .name("settle censoring")
                        .uid("settle-censoring");

        sinks.accept(
                new Outputs(
                        cases,
                        cases.getSideOutput(SettleCensoring.EXCHANGES),
                        posts.getSideOutput(AdmitPosts.REJECTS),
                        posts.getSideOutput(AdmitPosts.LATE)));
    }
}
