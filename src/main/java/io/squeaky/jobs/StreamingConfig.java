package io.squeaky.jobs;

import io.squeaky.flink.FileCompaction;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Everything the streaming job is told, checked before anything runs. */
public record StreamingConfig(
        String bootstrapServers,
        String postsTopic,
        String eventsTopic,
        String groupId,
        Properties kafkaProperties,
        boolean bounded,
        Duration checkpointInterval,
        Duration watermarkInterval,
        String checkpointDir,
        long failOnceAfter,
        boolean overwrite,
        boolean resume,
        String resumeFrom,
        FileCompaction compaction,
        PipelineConfig pipeline) {

    /**
     * Flink's default is 200 ms. Every move of the watermark that passes a provisional instant
     * recomputes each period with an open case, so on a backlog or a fast replay, where each move
     * passes many instants, the interval sets how often that happens: at 1 s a bounded replay of
     * the streaming benchmark runs 1.8 times as fast as at 200 ms. Live, it delays a case's closing
     * by at most the interval, against a gap of hours.
     */
    static final Duration DEFAULT_WATERMARK_INTERVAL = Duration.ofSeconds(1);

    static final String USAGE =
            """
            Usage: squeaky stream --bootstrap-servers HOST:PORT --output DIR [options]

            Reads posts (Twitter API v2 filtered-stream messages) and service-desk ticket events
            (JSON) from Kafka, assembles them into cases and writes Parquet tables under DIR,
            exactly once: files become visible when a checkpoint completes. Ctrl-C (or SIGTERM)
            stops the job with a savepoint under DIR/_state/savepoints; the same command with
            --resume continues from it. A folder holding an earlier run is refused unless
            --resume or --overwrite is given.

              --bootstrap-servers S Kafka bootstrap servers
              --posts-topic T       topic of posts (default squeaky.posts); "" for none
              --events-topic T      topic of ticket events (default squeaky.events); "" for none
              --group-id G          consumer group (default squeaky)
              --kafka-properties F  client properties (security.protocol, sasl.*, ssl.*, ...)
              --bounded             stop at the offsets that are latest at start (replays, tests)
              --checkpoint-interval D  how often output is committed (default 30s)
              --watermark-every D   how often event time moves on, letting cases close and
                                    provisional figures be computed (default 1s)
              --checkpoint-dir URI  where checkpoints go (file:///..., s3://...; default
                                    DIR/_state/checkpoints); they are kept when the job is
                                    cancelled or killed, so --resume can continue from them
              --resume              continue the run in DIR from its newest savepoint or
                                    checkpoint (Kafka offsets, open cases and files pending)
              --resume-from PATH    continue from this savepoint or checkpoint instead
              --target-file-size S  merge each table partition's small files into files of
                                    about this size (default 128mb)
              --compact-every D     ... or after this long, whichever comes first (default 5m;
                                    0s writes one file per checkpoint, partition and subtask,
                                    visible at once); rows wait up to this long, plus two
                                    checkpoints, before readers see them
              --overwrite           replace the tables and state of an earlier run in DIR
              --fail-once-after N   recovery drill: fail once after N records and a checkpoint
              --provisional-every D statistics rows for periods not yet final, as of every D of
                                    event time, in the *_provisional tables (default 1h; off
                                    or 0 for none)
            """
                    + PipelineConfig.USAGE;

    /** The configuration the arguments describe, or null when they ask for help. */
    public static StreamingConfig fromArgs(String[] args) {
        Options options = Options.parse(args);
        if (options.help()) {
            return null;
        }
        List<String> known = new ArrayList<>(PipelineConfig.OPTIONS);
        known.addAll(
                List.of(
                        "bootstrap-servers",
                        "posts-topic",
                        "events-topic",
                        "group-id",
                        "kafka-properties",
                        "checkpoint-interval",
                        "watermark-every",
                        "checkpoint-dir",
                        "resume-from",
                        "bounded",
                        "overwrite",
                        "resume",
                        "fail-once-after",
                        "provisional-every",
                        "target-file-size",
                        "compact-every"));
        options.allowOnly(known);
        String postsTopic = options.get("posts-topic", "squeaky.posts");
        String eventsTopic = options.get("events-topic", "squeaky.events");
        if (postsTopic.isBlank() && eventsTopic.isBlank()) {
            throw new IllegalArgumentException(
                    "give at least one of --posts-topic, --events-topic");
        }
        String resumeFrom = options.get("resume-from", null);
        boolean resume = options.flag("resume") || resumeFrom != null;
        if (resume && options.flag("overwrite")) {
            throw new IllegalArgumentException(
                    "--resume continues the run in --output and --overwrite replaces it: give one");
        }
        PipelineConfig pipeline = PipelineConfig.from(options);
        String checkpointDir = options.get("checkpoint-dir", null);
        if (checkpointDir != null) {
            Locations.fileSystem(checkpointDir, "--checkpoint-dir");
        }
        if (resumeFrom != null) {
            Locations.inputsExist(List.of(resumeFrom), "--resume-from");
        }
        Duration checkpointInterval =
                options.positiveDuration("checkpoint-interval", Duration.ofSeconds(30));
        if (options.duration("compact-every", Duration.ZERO).isNegative()) {
            throw new IllegalArgumentException("--compact-every must not be negative");
        }
        FileCompaction compaction =
                FileCompaction.of(
                        options.bytes("target-file-size", FileCompaction.DEFAULT_TARGET_BYTES),
                        options.duration("compact-every", FileCompaction.DEFAULT_INTERVAL),
                        checkpointInterval);
        return new StreamingConfig(
                options.required("bootstrap-servers"),
                postsTopic.isBlank() ? null : postsTopic,
                eventsTopic.isBlank() ? null : eventsTopic,
                options.get("group-id", "squeaky"),
                properties(options.get("kafka-properties", null)),
                options.flag("bounded"),
                checkpointInterval,
                options.positiveDuration("watermark-every", DEFAULT_WATERMARK_INTERVAL),
                checkpointDir,
                options.integer("fail-once-after", 0),
                options.flag("overwrite"),
                resume,
                resumeFrom,
                compaction,
                pipeline);
    }

    private static Properties properties(String file) {
        Properties properties = new Properties();
        if (file != null) {
            try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read --kafka-properties " + file + ": " + PipelineConfig.reason(e),
                        e);
            }
        }
        return properties;
    }
}
