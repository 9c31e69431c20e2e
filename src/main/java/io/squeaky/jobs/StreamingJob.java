package io.squeaky.jobs;

import io.squeaky.flink.FailOnceAfter;
import io.squeaky.flink.KafkaRecords;
import io.squeaky.ingest.InputFormat;
import io.squeaky.records.SourceRecord;
import io.squeaky.workflow.SqueakyWorkflow;
import java.io.PrintStream;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The live job: posts and ticket events from Kafka, in STREAMING mode, into Parquet tables. */
public final class StreamingJob {

    private StreamingJob() {}

    public static void main(String[] args) throws Exception {
        StreamingConfig config;
        try {
            config = StreamingConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("squeaky stream: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(StreamingConfig.USAGE);
            return;
        }
        run(config, System.out);
    }

    public static JobExecutionResult run(StreamingConfig config, PrintStream report)
            throws Exception {
        StreamExecutionEnvironment env = JobRunner.environment(config.pipeline());
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.enableCheckpointing(config.checkpointInterval().toMillis());
        if (config.checkpointDir() != null) {
            env.configure(
                    Configuration.fromMap(
                            Map.of("execution.checkpointing.dir", config.checkpointDir())));
        }
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
        return JobRunner.run(
                env, input, config.pipeline(), "squeaky stream", config.bounded(), report);
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
