package io.squeaky.jobs;

import io.squeaky.flink.FailOnceAfter;
import io.squeaky.flink.KafkaRecords;
import io.squeaky.flink.OutputTables;
import io.squeaky.ingest.InputFormat;
import io.squeaky.records.SourceRecord;
import io.squeaky.workflow.SqueakyWorkflow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The live job: posts and ticket events from Kafka, in STREAMING mode, into Parquet tables. */
public final class StreamingJob {

    private StreamingJob() {}

    public static void main(String[] args) throws Exception {
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs the job as the command line asks, stopping it with a savepoint on Ctrl-C or SIGTERM, and
     * returns the process's exit code.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) throws Exception {
        StreamingConfig config;
        try {
            config = StreamingConfig.fromArgs(args);
            if (config == null) {
                out.print(StreamingConfig.USAGE);
                return 0;
            }
            prepare(config, out);
        } catch (IllegalArgumentException e) {
            err.println("squeaky stream: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        GracefulStop[] stop = new GracefulStop[1];
        OutputFolder folder = new OutputFolder(config.pipeline().output());
        try {
            start(
                    config,
                    out,
                    job -> {
                        stop[0] = new GracefulStop(job, folder.savepoints(), out);
                        stop[0].onSignals();
                    },
                    outputs -> {});
            return 0;
        } catch (Exception e) {
            if (stop[0] != null && stop[0].requested()) {
                err.println("squeaky stream: stopped without a savepoint");
                return ExitCodes.INTERRUPTED;
            }
            throw e;
        }
    }

    public static JobExecutionResult run(StreamingConfig config, PrintStream report)
            throws Exception {
        return run(config, report, job -> {});
    }

    /** Runs the job; {@code started} receives it as soon as it is submitted (to stop it). */
    public static JobExecutionResult run(
            StreamingConfig config, PrintStream report, Consumer<JobClient> started)
            throws Exception {
        return run(config, report, started, outputs -> {});
    }

    /**
     * Runs the job with {@code additions} attached to the workflow's outputs besides the tables:
     * how a later version adds an operator, and how a test builds that version.
     */
    public static JobExecutionResult run(
            StreamingConfig config,
            PrintStream report,
            Consumer<JobClient> started,
            Consumer<SqueakyWorkflow.Outputs> additions)
            throws Exception {
        prepare(config, report);
        return start(config, report, started, additions);
    }

    /**
     * What can be checked before the job starts: the brokers answer and have the topics, and the
     * output folder is new, to be overwritten, or holds the run to resume.
     */
    private static void prepare(StreamingConfig config, PrintStream report) {
        List<String> topics = new ArrayList<>();
        if (config.postsTopic() != null) {
            topics.add(config.postsTopic());
        }
        if (config.eventsTopic() != null) {
            topics.add(config.eventsTopic());
        }
        KafkaReach.check(config.bootstrapServers(), config.kafkaProperties(), topics);
        boolean resuming =
                config.resume()
                        || restoredByCluster(
                                StreamExecutionEnvironment.getExecutionEnvironment()
                                        .getConfiguration());
        new OutputFolder(config.pipeline().output())
                .claim(config.overwrite(), resuming, ", --resume to continue it");
    }

    /**
     * Whether the cluster itself restores the job from a savepoint, as the Flink Kubernetes
     * Operator does when it upgrades it with the same arguments: the output folder then holds this
     * very run, to be continued, not refused.
     */
    static boolean restoredByCluster(ReadableConfig cluster) {
        return cluster.getOptional(StateRecoveryOptions.SAVEPOINT_PATH).isPresent();
    }

    private static JobExecutionResult start(
            StreamingConfig config,
            PrintStream report,
            Consumer<JobClient> started,
            Consumer<SqueakyWorkflow.Outputs> additions)
            throws Exception {
        OutputFolder folder = new OutputFolder(config.pipeline().output());
        String checkpoints =
                config.checkpointDir() != null ? config.checkpointDir() : folder.checkpoints();
        StreamExecutionEnvironment env = JobRunner.environment(config.pipeline());
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.enableCheckpointing(config.checkpointInterval().toMillis());
        Configuration watermarks = new Configuration();
        watermarks.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, config.watermarkInterval());
        env.configure(watermarks);
        Map<String, String> state = new HashMap<>();
        state.put("execution.checkpointing.dir", checkpoints);
        state.put("execution.checkpointing.savepoint-dir", folder.savepoints());
        state.put(
                "execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        if (config.resume()) {
            String from =
                    config.resumeFrom() != null
                            ? config.resumeFrom()
                            : RunState.newest(folder.savepoints(), checkpoints)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            "--resume: no savepoint or checkpoint"
                                                                    + " under "
                                                                    + folder.savepoints()
                                                                    + " or "
                                                                    + checkpoints));
            report.println("resuming from " + from);
            state.put("execution.state-recovery.path", from);
        }
        env.configure(Configuration.fromMap(state));
        env.configure(
                Configuration.fromMap(
                        Map.of(
                                "restart-strategy.type", "fixed-delay",
                                "restart-strategy.fixed-delay.attempts", "3",
                                "restart-strategy.fixed-delay.delay", "1 s")));
        DataStream<SourceRecord> input = null;
        if (config.postsTopic() != null) {
            input = topic(env, config, config.postsTopic(), InputFormat.TWITTER_V2, "posts-topic");
        }
        if (config.eventsTopic() != null) {
            DataStream<SourceRecord> events =
                    topic(
                            env,
                            config,
                            config.eventsTopic(),
                            InputFormat.SERVICE_DESK_JSONL,
                            "events-topic");
            input = input == null ? events : input.union(events);
        }
        if (config.failOnceAfter() > 0) {
            input =
                    input.map(new FailOnceAfter<>(config.failOnceAfter()))
                            .returns(input.getType())
                            .name("recovery drill")
                            .uid("recovery-drill");
        }
        JobExecutionResult result =
                JobRunner.run(
                        env,
                        input,
                        config.pipeline(),
                        config.compaction(),
                        // A part file quiet for a checkpoint interval closes without waiting for
                        // a late checkpoint: open writers stay bounded when checkpoints fall
                        // behind.
                        config.checkpointInterval(),
                        additions,
                        "squeaky stream",
                        config.bounded(),
                        report,
                        started);
        if (config.bounded()) {
            OutputTables.markSuccess(config.pipeline().output());
        }
        return result;
    }

    private static DataStream<SourceRecord> topic(
            StreamExecutionEnvironment env,
            StreamingConfig config,
            String topic,
            InputFormat format,
            String uid) {
        KafkaSourceBuilder<SourceRecord> builder =
                KafkaSource.<SourceRecord>builder()
                        .setBootstrapServers(config.bootstrapServers())
                        .setTopics(topic)
                        .setGroupId(config.groupId())
                        .setProperties(config.kafkaProperties())
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new KafkaRecords(format, config.pipeline().postFactory()));
        if (config.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return env.fromSource(
                        builder.build(),
                        SqueakyWorkflow.watermarks(
                                config.pipeline().outOfOrderness(), config.pipeline().idleness()),
                        "kafka " + topic + " (" + format.optionName() + ")")
                .uid(uid);
    }
}
