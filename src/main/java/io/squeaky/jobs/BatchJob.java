package io.squeaky.jobs;

import io.squeaky.flink.PostFileFormat;
import io.squeaky.ingest.InputFormat;
import io.squeaky.records.SourceRecord;
import io.squeaky.workflow.SqueakyWorkflow;
import java.io.PrintStream;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The historical job: archived posts from files, in BATCH mode, into Parquet tables. */
public final class BatchJob {

    private BatchJob() {}

    public static void main(String[] args) throws Exception {
        BatchConfig config;
        try {
            config = BatchConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("squeaky batch: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(BatchConfig.USAGE);
            return;
        }
        run(config, System.out);
    }

    private static DataStream<SourceRecord> files(
            StreamExecutionEnvironment env,
            BatchConfig config,
            List<String> paths,
            InputFormat format,
            String uid) {
        FileSource<SourceRecord> source =
                FileSource.forBulkFileFormat(
                                new PostFileFormat(format, config.pipeline().postFactory()),
                                paths.stream().map(Path::new).toArray(Path[]::new))
                        .build();
        return env.fromSource(
                        source,
                        SqueakyWorkflow.watermarks(
                                config.pipeline().outOfOrderness(), config.pipeline().idleness()),
                        "files (" + format.optionName() + ")")
                .uid(uid);
    }

    public static JobExecutionResult run(BatchConfig config, PrintStream report) throws Exception {
        StreamExecutionEnvironment env = JobRunner.environment(config.pipeline());
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<SourceRecord> input = null;
        if (!config.inputs().isEmpty()) {
            input = files(env, config, config.inputs(), config.format(), "post-files");
        }
        if (!config.eventInputs().isEmpty()) {
            DataStream<SourceRecord> events =
                    files(env, config, config.eventInputs(), config.eventFormat(), "event-files");
            input = input == null ? events : input.union(events);
        }
        return JobRunner.run(env, input, config.pipeline(), "squeaky batch", true, report);
    }
}
