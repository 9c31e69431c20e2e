package io.squeaky.ingest;

import java.util.Locale;
import java.util.Optional;

/**
 * Which supported format the start of a file looks like, so that a run whose input did not match
 * its {@code --format} can name the one it probably is. A guess from the first record only: it
 * names a format, it never decides how a file is read.
 */
public final class FormatGuess {

    private FormatGuess() {}

    public static Optional<InputFormat> of(String head) {
        String text = head.startsWith("\ufeff") ? head.substring(1) : head;
        String first = firstRecord(text);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (first.startsWith("{")) {
            if (first.contains("\"ticket_id\"")) {
                return Optional.of(InputFormat.SERVICE_DESK_JSONL);
            }
            if (first.contains("\"data\"")) {
                return Optional.of(InputFormat.TWITTER_V2);
            }
            if (first.contains("\"id_str\"") || first.contains("\"user\"")) {
                return Optional.of(InputFormat.TWITTER_V1);
            }
            return Optional.empty();
        }
        String header = first.toLowerCase(Locale.ROOT).replace("\"", "");
        if (header.contains("tweet_id") && header.contains("inbound")) {
            return Optional.of(InputFormat.TWCS);
        }
        if (header.contains("ticket_id") && header.contains("event_type")) {
            return Optional.of(InputFormat.SERVICE_DESK_CSV);
        }
        return Optional.empty();
    }

    private static String firstRecord(String text) {
        for (String line : text.split("\\R", 20)) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }
}
