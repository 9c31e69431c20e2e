package io.squeaky.workflow;

import io.squeaky.cases.CaseAssembler;
import io.squeaky.cases.CaseRules;
import io.squeaky.cases.LateIdentities;
import io.squeaky.cases.PersonKeys;
import io.squeaky.cases.Pseudonymizer;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.flink.AdmitPosts;
import io.squeaky.flink.AssembleCases;
import io.squeaky.flink.BatchEffects;
import io.squeaky.flink.BrandPeriodStatistics;
import io.squeaky.flink.BrandStorm;
import io.squeaky.flink.DataHorizon;
import io.squeaky.flink.InferMentionReplies;
import io.squeaky.flink.JobWatermarkGate;
import io.squeaky.flink.KeyedStateGauges;
import io.squeaky.flink.LinkMessages;
import io.squeaky.flink.PeriodEffects;
import io.squeaky.flink.ReplyLinker;
import io.squeaky.flink.SettleCensoring;
import io.squeaky.flink.ToTimeline;
import io.squeaky.ingest.InputFormat;
import io.squeaky.metrics.CaseFactsOf;
import io.squeaky.metrics.FitInterval;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.pressure.PressureThresholds;
import io.squeaky.records.BrandHourRow;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseEvent;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.EquityRow;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.HazardRatioRow;
import io.squeaky.records.LateRecord;
import io.squeaky.records.LinkMessage;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.OpenCase;
import io.squeaky.records.Post;
import io.squeaky.records.PressureEffectRow;
import io.squeaky.records.ProvisionalRow;
import io.squeaky.records.Reject;
import io.squeaky.records.SourceRecord;
import io.squeaky.records.TimelineItem;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The one pipeline, for the batch job and the streaming job alike: posts and ticket events are
 * admitted, brand replies of exports without reply ids given the parent the mention rule finds,
 * posts linked to the posts they answer, complaints stamped with the brand's storm, everything
 * assembled into cases per customer, censored, cut into counting-process intervals, summed up per
 * brand and period in the statistics tables, the hazard ratios of pressure fitted per period (and,
 * in a batch run, over the whole input), and handed to the sinks the job attaches. Jobs differ only
 * in their sources, sinks and runtime mode.
 *
 * <p>Provisional statistics: a streaming run snapshots its open cases at every provisional instant
 * and the statistics windows not yet final write rows as of it; a batch run cut at an instant drops
 * the events after it, censors every case still open at it and writes the same rows.
 */
public final class SqueakyWorkflow {

    private SqueakyWorkflow() {}

    /** What the workflow needs besides its input. */
    public record Settings(
            CaseRules rules,
            Pseudonymizer pseudonyms,
            ScheduleBook schedules,
            PressureThresholds pressure,
            PersonKeys personKeys,
            StatisticsSettings statistics,
            ProvisionalSchedule provisional,
            boolean hazardRatios)
            implements Serializable {}

    /**
     * The workflow's output streams, one per table; the provisional rows, one stream per producer,
     * so that each companion table's writer can follow its producer in the same task, the rows
     * never serialised on the way.
     *
     * @param provisionalEffects null in a batch run not cut, which fits no period as it goes
     */
    public record Outputs(
            DataStream<CaseRecord> cases,
            DataStream<ExchangeRecord> exchanges,
            DataStream<Reject> rejects,
            DataStream<LateRecord> late,
            DataStream<BrandMetricRow> brandMetrics,
            DataStream<PressureEffectRow> pressureEffects,
            DataStream<EquityRow> equity,
            DataStream<BrandHourRow> brandHours,
            DataStream<CaseIntervalRow> caseIntervals,
            DataStream<HazardRatioRow> effects,
            DataStream<ProvisionalRow> provisionalStatistics,
            DataStream<ProvisionalRow> provisionalEffects) {}

    /** Event time from the post or ticket event; rejects carry none and never hold it back. */
    public static WatermarkStrategy<SourceRecord> watermarks(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<SourceRecord>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner((record, previous) -> eventTime(record))
                .withIdleness(idleness);
    }

    public static void define(
            DataStream<SourceRecord> input, Settings settings, Consumer<Outputs> sinks) {
        boolean batch =
                input.getExecutionEnvironment()
                                .getConfiguration()
                                .get(ExecutionOptions.RUNTIME_MODE)
                        == RuntimeExecutionMode.BATCH;
        // Event time ticks in a stream only; a batch run is provisional only when cut.
        ProvisionalSchedule provisional =
                batch
                        ? new ProvisionalSchedule(0, settings.provisional().asOf())
                        : settings.provisional();
        Long cut = provisional.asOf();
        if (cut != null) {
            input = input.filter(record -> eventTime(record) <= cut).name("events up to --as-of");
        }
        // A stream admits at the job's event time, over every source subtask; a batch run has
        // no event time to be late for until its input ends, and saves the exchange.
        SingleOutputStreamOperator<Post> posts =
                (batch ? input : input.rebalance())
                        .transform(
                                "admit posts and events",
                                new AvroTypeInfo<>(Post.class),
                                new JobWatermarkGate(
                                        new AdmitPosts(
                                                new LateIdentities(
                                                        settings.pseudonyms(),
                                                        settings.personKeys()))))
                        .uid("admit-posts");
        DataStream<CaseEvent> events = posts.getSideOutput(AdmitPosts.CASE_EVENTS);

        AvroTypeInfo<Post> postType = new AvroTypeInfo<>(Post.class);
        DataStream<Post> withoutReplyIds =
                KeyedStateGauges.process(
                                posts.filter(p -> InputFormat.linksByMention(p.getSourceFormat()))
                                        .name("posts of exports without reply ids")
                                        .keyBy(new InferMentionReplies.ByAccount(), Types.STRING),
                                new InferMentionReplies(settings.rules()),
                                postType)
                        .name("link brand replies by the @handle they begin with")
                        .uid("infer-mention-replies");
        DataStream<Post> withParents =
                posts.filter(p -> !InputFormat.linksByMention(p.getSourceFormat()))
                        .name("posts with their reply ids")
                        .union(withoutReplyIds);

        SingleOutputStreamOperator<LinkedPost> linked =
                KeyedStateGauges.process(
                                withParents
                                        .flatMap(new LinkMessages())
                                        .returns(new AvroTypeInfo<>(LinkMessage.class))
                                        .name("address to reply linker")
                                        .keyBy(new LinkMessages.ByTargetPost()),
                                new ReplyLinker(settings.rules()),
                                new AvroTypeInfo<>(LinkedPost.class))
                        .name("link posts to the posts they answer")
                        .uid("reply-linker");

        AvroTypeInfo<TimelineItem> itemType = new AvroTypeInfo<>(TimelineItem.class);
        DataStream<TimelineItem> items =
                linked.process(new ToTimeline())
                        .returns(itemType)
                        .name("posts to customer timelines")
                        .uid("to-timeline")
                        .union(
                                events.map(e -> TimelineItem.newBuilder().setCaseEvent(e).build())
                                        .returns(itemType)
                                        .name("ticket events to customer timelines"));

        DataStream<TimelineItem> stamped =
                KeyedStateGauges.process(
                                items.filter(i -> BrandStorm.complaintBrand(i) != null)
                                        .name("complaints")
                                        .keyBy(BrandStorm::complaintBrand, Types.STRING),
                                new BrandStorm(batch),
                                itemType)
                        .name("brand storm as of each complaint")
                        .uid("brand-storm")
                        .union(
                                items.filter(i -> BrandStorm.complaintBrand(i) == null)
                                        .name("not complaints"));

        SingleOutputStreamOperator<CaseDraft> drafts =
                KeyedStateGauges.process(
                                stamped.keyBy(
                                        new ToTimeline.ByPerson(settings.personKeys()),
                                        Types.STRING),
                                new AssembleCases(
                                        new CaseAssembler(
                                                settings.rules(),
                                                settings.pseudonyms(),
                                                settings.schedules(),
                                                settings.pressure()),
                                        provisional),
                                new AvroTypeInfo<>(CaseDraft.class))
                        .name("assemble cases")
                        .uid("assemble-cases");

        DataStream<Long> latest =
                KeyedStateGauges.process(
                                posts.map(Post::getCreatedAt)
                                        .returns(Types.LONG)
                                        .name("post time")
                                        .union(
                                                events.map(CaseEvent::getOccurredAt)
                                                        .returns(Types.LONG)
                                                        .name("event time"))
                                        .keyBy(t -> 0, Types.INT),
                                new DataHorizon(),
                                Types.LONG)
                        .name("data horizon")
                        .uid("data-horizon");
        if (cut != null) {
            // A run cut at an instant observes every case up to it, as a streaming run's
            // provisional figures at that instant do.
            latest = latest.map(time -> cut).returns(Types.LONG).name("data horizon at --as-of");
        }
        BroadcastStream<Long> horizon = latest.broadcast(SettleCensoring.HORIZON);

        SingleOutputStreamOperator<CaseRecord> cases =
                drafts.keyBy(d -> d.getCaseRow().getCaseId(), Types.STRING)
                        .connect(horizon)
                        .process(
                                new SettleCensoring(
                                        settings.schedules(),
                                        settings.statistics().period(),
                                        settings.hazardRatios()))
                        .returns(new AvroTypeInfo<>(CaseRecord.class))
                        .name("settle censoring")
                        .uid("settle-censoring");

        ScheduleBook schedules = settings.schedules();
        DataStream<OpenCase> openCases = drafts.getSideOutput(AssembleCases.OPEN_CASES);
        SingleOutputStreamOperator<BrandMetricRow> statistics =
                KeyedStateGauges.process(
                                cases.map(row -> CaseFactsOf.row(row, schedules.of(row.getBrand())))
                                        .returns(new AvroTypeInfo<>(CaseFacts.class))
                                        .name("case facts for statistics")
                                        .keyBy(
                                                BrandPeriodStatistics.key(settings.statistics()),
                                                Types.STRING)
                                        .connect(
                                                openCases.keyBy(
                                                        BrandPeriodStatistics.openKey(
                                                                settings.statistics()),
                                                        Types.STRING)),
                                new BrandPeriodStatistics(
                                        settings.statistics(), schedules, provisional),
                                new AvroTypeInfo<>(BrandMetricRow.class))
                        .name("statistics per brand and period")
                        .uid("brand-period-statistics");

        DataStream<CaseIntervalRow> intervals = cases.getSideOutput(SettleCensoring.CASE_INTERVALS);
        DataStream<FitInterval> fitIntervals = cases.getSideOutput(SettleCensoring.FIT_INTERVALS);
        AvroTypeInfo<HazardRatioRow> effectType = new AvroTypeInfo<>(HazardRatioRow.class);
        DataStream<HazardRatioRow> effects = null;
        DataStream<ProvisionalRow> provisionalEffects = null;
        if (!batch || cut != null) {
            // Periods still open at an instant need its open cases, which only this window has.
            SingleOutputStreamOperator<HazardRatioRow> periodEffects =
                    KeyedStateGauges.process(
                                    fitIntervals
                                            .keyBy(PeriodEffects.byPeriod(), Types.STRING)
                                            .connect(
                                                    openCases.keyBy(
                                                            PeriodEffects.openByPeriod(
                                                                    settings.statistics().period()),
                                                            Types.STRING)),
                                    new PeriodEffects(
                                            settings.statistics(), schedules, provisional),
                                    effectType)
                            .name("hazard ratios per period")
                            .uid("period-effects");
            effects = periodEffects;
            provisionalEffects = periodEffects.getSideOutput(PeriodEffects.PROVISIONAL);
        }
        if (batch) {
            // A whole input exists only when it ends; a streaming run writes per period only.
            DataStream<HazardRatioRow> batchEffects =
                    fitIntervals
                            .global()
                            .transform(
                                    cut == null
                                            ? "hazard ratios per period and over the whole input"
                                            : "hazard ratios over the whole input",
                                    effectType,
                                    new BatchEffects(settings.statistics(), cut == null))
                            .setParallelism(1)
                            .uid("batch-effects");
            effects = effects == null ? batchEffects : effects.union(batchEffects);
        }

        sinks.accept(
                new Outputs(
                        cases,
                        cases.getSideOutput(SettleCensoring.EXCHANGES),
                        posts.getSideOutput(AdmitPosts.REJECTS),
                        posts.getSideOutput(AdmitPosts.LATE),
                        statistics,
                        statistics.getSideOutput(BrandPeriodStatistics.PRESSURE_EFFECTS),
                        statistics.getSideOutput(BrandPeriodStatistics.EQUITY),
                        statistics.getSideOutput(BrandPeriodStatistics.BRAND_HOURS),
                        intervals,
                        effects,
                        statistics.getSideOutput(BrandPeriodStatistics.PROVISIONAL),
                        provisionalEffects));
    }

    /** The event time of a post or ticket event; rejects carry none and pass any cut. */
    private static long eventTime(SourceRecord record) {
        return record.getPost() != null
                ? record.getPost().getCreatedAt()
                : record.getCaseEvent() != null
                        ? record.getCaseEvent().getOccurredAt()
                        : Long.MIN_VALUE;
    }
}
