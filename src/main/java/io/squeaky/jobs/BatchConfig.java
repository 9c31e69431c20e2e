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
        boolean overwrite,
        long pieceBytes,
        PipelineConfig pipeline) {

    /**
     * Pieces of 16 MB keep both cores busy on a file of a few hundred MB and cost a few seeks each;
     * below a few MB the per-piece overhead would start to show.
     */
    static final long DEFAULT_PIECE_BYTES = 16L << 20;

    static final String USAGE =
            """
            Usage: squeaky batch --input PATH[,PATH...] [--events PATH] --output DIR [options]

            Reads archived posts and service-desk ticket events from files, assembles them into
            cases and writes Parquet tables under DIR (cases, exchanges, rejects, late, the
            statistics tables brand_metrics, pressure_effect, equity, brand_hours, and
            case_intervals and effects for the hazard ratios of pressure), then prints a
            per-brand summary. A folder that holds an earlier run's tables is refused unless
            --overwrite is given. Exit codes: 0 done, 2 a usage mistake (nothing ran), 3 the
            input was not what --format says (nothing or too little accepted), 1 the job failed.

              --input PATH          posts: a file or folder (read recursively; .gz is inflated);
                                    repeat the option or separate paths with commas
              --format NAME         twcs (default), twitter-v2, twitter-v1, or rtweet (CSV
                                    exports of R's rtweet, with or without reply ids)
              --events PATH         service-desk ticket events: files or folders
              --events-format NAME  service-desk-csv (default) or service-desk-jsonl
              --overwrite           replace the tables of an earlier run in DIR
              --split-size SIZE     TWCS files larger than SIZE (default 16mb) are read in
                                    pieces of that size in parallel; 0 reads each file whole
              --as-of T             cut the input at T (2017-10-05T12:00:00Z, or a date for its
                                    midnight UTC): events after it are dropped, cases open at it
                                    are censored there, and the statistics of periods not final
                                    at T go to the *_provisional tables as of T, as a streaming
                                    run writes them then
            """
                    + PipelineConfig.USAGE;

    /** The configuration the arguments describe, or null when they ask for help. */
    public static BatchConfig fromArgs(String[] args) {
        Options options = Options.parse(args);
        if (options.help()) {
            return null;
        }
        List<String> known = new ArrayList<>(PipelineConfig.OPTIONS);
        known.addAll(
                List.of(
                        "input",
                        "format",
                        "events",
                        "events-format",
                        "overwrite",
                        "as-of",
                        "split-size"));
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
        PipelineConfig pipeline = PipelineConfig.from(options);
        Locations.inputsExist(inputs, "--input");
        Locations.inputsExist(eventInputs, "--events");
        return new BatchConfig(
                inputs,
                format,
                eventInputs,
                eventFormat,
                options.flag("overwrite"),
                options.bytes("split-size", DEFAULT_PIECE_BYTES),
                pipeline);
    }
}
