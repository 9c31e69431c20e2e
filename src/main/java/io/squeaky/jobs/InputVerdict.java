package io.squeaky.jobs;

import static io.squeaky.jobs.Progress.count;

import io.squeaky.flink.Counters;
import io.squeaky.ingest.FormatGuess;
import io.squeaky.ingest.InputFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a finished batch run read what it was told it would. A run that accepted nothing, or
 * rejected more than it accepted, was almost always given the wrong {@code --format} or the wrong
 * file: it must not end as a success with tables nobody should read.
 */
final class InputVerdict {

    private InputVerdict() {}

    /** The one line that says what went wrong, or empty when the input was read as expected. */
    static Optional<String> of(BatchConfig config, Map<String, Object> counts) {
        // Blank padding rows are counted as read but are no records.
        long read = count(counts, Counters.READ) - count(counts, Counters.BLANK);
        long accepted = count(counts, Counters.ACCEPTED);
        long rejected = count(counts, Counters.REJECTED);
        long eventsRead = count(counts, Counters.EVENTS_READ);
        long eventsAccepted = count(counts, Counters.EVENTS_ACCEPTED);
        if (read == 0) {
            return Optional.of(
                    "read no records: "
                            + describe(config)
                            + " hold no data (empty files, or a folder without input files)");
        }
        if (!config.inputs().isEmpty() && read - eventsRead > 0 && accepted == eventsAccepted) {
            return Optional.of(
                    nothingAccepted(
                            read - eventsRead,
                            "posts",
                            "--input",
                            config.inputs(),
                            config.format()));
        }
        if (!config.eventInputs().isEmpty() && eventsRead > 0 && eventsAccepted == 0) {
            return Optional.of(
                    nothingAccepted(
                            eventsRead,
                            "ticket events",
                            "--events",
                            config.eventInputs(),
                            config.eventFormat()));
        }
        if (rejected > accepted) {
            return Optional.of(
                    String.format(
                            "rejected %,d of the %,d records read, more than it accepted; see the"
                                    + " rejects table for the reasons%s",
                            rejected, read, guesses(config)));
        }
        return Optional.empty();
    }

    private static String nothingAccepted(
            long read, String what, String option, List<String> paths, InputFormat format) {
        String optionOfFormat = option.equals("--input") ? "--format" : "--events-format";
        return String.format(
                "accepted none of the %,d %s read from %s as %s %s%s",
                read,
                what,
                option,
                optionOfFormat,
                format.optionName(),
                guess(paths, format, optionOfFormat));
    }

    private static String guesses(BatchConfig config) {
        String posts = guess(config.inputs(), config.format(), "--format");
        return posts.isEmpty()
                ? guess(config.eventInputs(), config.eventFormat(), "--events-format")
                : posts;
    }

    private static String guess(List<String> paths, InputFormat given, String optionOfFormat) {
        for (String path : paths) {
            Optional<InputFormat> looksLike = FormatGuess.of(Locations.head(path));
            if (looksLike.isPresent() && looksLike.get() != given) {
                InputFormat format = looksLike.get();
                String option =
                        format.carriesPosts()
                                ? (optionOfFormat.equals("--format")
                                        ? "--format "
                                        : "--input with --format ")
                                : (optionOfFormat.equals("--events-format")
                                        ? "--events-format "
                                        : "--events with --events-format ");
                return "; "
                        + path
                        + " looks like "
                        + format.optionName()
                        + ": give "
                        + option
                        + format.optionName();
            }
        }
        return "";
    }

    private static String describe(BatchConfig config) {
        StringBuilder what = new StringBuilder();
        if (!config.inputs().isEmpty()) {
            what.append("--input ").append(String.join(",", config.inputs()));
        }
        if (!config.eventInputs().isEmpty()) {
            what.append(what.length() > 0 ? " and " : "")
                    .append("--events ")
                    .append(String.join(",", config.eventInputs()));
        }
        return what.toString();
    }
}
