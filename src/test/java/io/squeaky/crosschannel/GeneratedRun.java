package io.squeaky.crosschannel;

import io.squeaky.jobs.BatchConfig;
import io.squeaky.jobs.BatchJob;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The batch job over a cross-channel generator's output, with the brands it generated. */
final class GeneratedRun {

    private GeneratedRun() {}

    /** Runs the job quietly, with any further options, and returns its counters. */
    static Map<String, Object> batch(Path data, Path tables, String... options) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--input", data.resolve("posts").toString(),
                                "--format", "twitter-v2",
                                "--events", data.resolve("desk").toString(),
                                "--brands", data.resolve("truth/brands.csv").toString(),
                                "--schedules", data.resolve("truth/schedules.json").toString(),
                                "--output", tables.toString(),
                                "--parallelism", "2"));
        args.addAll(List.of(options));
        return BatchJob.run(
                        BatchConfig.fromArgs(args.toArray(String[]::new)),
                        new PrintStream(OutputStream.nullOutputStream()))
                .getAllAccumulatorResults();
    }
}
