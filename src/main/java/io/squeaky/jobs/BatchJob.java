package io.squeaky.jobs;

import io.squeaky.flink.FileCompaction;
import io.squeaky.flink.FilePieces;
import io.squeaky.flink.OutputTables;
import io.squeaky.flink.PostFileFormat;
import io.squeaky.ingest.InputFormat;
import io.squeaky.records.SourceRecord;
import io.squeaky.workflow.SqueakyWorkflow;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the job as the command line asks and returns the process's exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) throws Exception {
        try {
            BatchConfig config = BatchConfig.fromArgs(args);
            if (config == null) {
                out.print(BatchConfig.USAGE);
                return 0;
            }
            run(config, out);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("squeaky batch: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InputMismatchException e) {
            err.println("squeaky batch: " + e.getMessage());
            return ExitCodes.INPUT_MISMATCH;
        }
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
                        .setFileEnumerator(
                                FilePieces.of(format == InputFormat.TWCS ? config.pieceBytes() : 0))
                        .build();
        return env.fromSource(
                        source,
                        SqueakyWorkflow.watermarks(
                                config.pipeline().outOfOrderness(), config.pipeline().idleness()),
                        "files (" + format.optionName() + ")")
                .uid(uid);
    }

    /**
     * Runs the job and writes the tables; throws {@link InputMismatchException} after the run when
     * the input was not what the options say (the tables are then left unmarked, without {@code
     * _SUCCESS}).
     */
    public static JobExecutionResult run(BatchConfig config, PrintStream report) throws Exception {
        new OutputFolder(config.pipeline().output()).claim(config.overwrite(), false, "");
        StreamExecutionEnvironment env = JobRunner.environment(config.pipeline());
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        // Chained operators then pass records on without a deep copy each (a twentieth of a run's
        // CPU). No function changes a record after handing it on or keeps one it was handed and
        // changes it, and every input read from an exchange or a sort is a new object. A stream
        // keeps copying: its heap state holds records, and the parity test compares the two.
        env.getConfig().enableObjectReuse();
        DataStream<SourceRecord> input = null;
        if (!config.inputs().isEmpty()) {
            input = files(env, config, config.inputs(), config.format(), "post-files");
        }
        if (!config.eventInputs().isEmpty()) {
            DataStream<SourceRecord> events =
                    files(env, config, config.eventInputs(), config.eventFormat(), "event-files");
            input = input == null ? events : input.union(events);
        }
        JobExecutionResult result =
                JobRunner.run(
                        env,
                        input,
                        config.pipeline(),
                        FileCompaction.NONE,
                        Duration.ZERO,
                        outputs -> {},
                        "squeaky batch",
                        true,
                        report,
                        job -> {});
        Optional<String> mismatch = InputVerdict.of(config, result.getAllAccumulatorResults());
        if (mismatch.isPresent()) {
            throw new InputMismatchException(mismatch.get());
        }
        OutputTables.markSuccess(config.pipeline().output());
        return result;
    }
}
