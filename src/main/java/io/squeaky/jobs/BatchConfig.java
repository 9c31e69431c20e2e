package io.squeaky.jobs;

import io.squeaky.ingest.InputFormat;
import java.util.ArrayList;
import java.util.List;

/** Everything the batch job is told, checked before anything runs. */
public record BatchConfig(
        List<String> inputs,
        InputFormat format,
        List<String> eventInputs,
        InputFormat eventFormat,
        PipelineConfig pipeline) {

    static final String USAGE =
            """
            Usage: squeaky batch --input PATH[,PATH...] [--events PATH] --output DIR [options]

            Reads archived posts and service-desk ticket events from files, assembles them into
            cases and writes Parquet tables (cases, exchanges, rejects, late) under
            DIR, then prints a per-brand summary.

              --input PATH          posts: a file or folder (read recursively; .gz is inflated);
                                    repeat the option or separate paths with commas
              --format NAME         twcs (default), twitter-v2, twitter-v1, or rtweet (CSV
                                    exports of R's rtweet, with or without reply ids)
              --events PATH         service-desk ticket events: files or folders
              --events-format NAME  service-desk-csv (default) or service-desk-jsonl
            """
                    + PipelineConfig.USAGE;

    /** The configuration the arguments describe, or null when they ask for help. */
    public static BatchConfig fromArgs(String[] args) {
        Options options = Options.parse(args);
        if (options.help()) {
            return null;
        }
        List<String> known = new ArrayList<>(PipelineConfig.OPTIONS);
        known.addAll(List.of("input", "format", "events", "events-format"));
        options.allowOnly(known);
        List<String> inputs = options.list("input");
        List<String> eventInputs = options.list("events");
        if (inputs.isEmpty() && eventInputs.isEmpty()) {
            throw new IllegalArgumentException(
                    "option --input or --events is required (see --help)");
        }
        InputFormat format =
                InputFormat.fromOption(options.get("format", InputFormat.TWCS.optionName()));
        InputFormat eventFormat =
                InputFormat.fromOption(
                        options.get("events-format", InputFormat.SERVICE_DESK_CSV.optionName()));
        if (!format.carriesPosts() || eventFormat.carriesPosts()) {
            throw new IllegalArgumentException(
                    "--format names a posts format and --events-format a service-desk format");
        }
        return new BatchConfig(
                inputs, format, eventInputs, eventFormat, PipelineConfig.from(options));
    }
}
