package io.squeaky.generate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the generator is asked for. The size is a number of conversations or an approximate number
 * of rows (generation stops at the first conversation that reaches it).
 */
public record GeneratorSettings(
        Path output,
        long conversations,
        long targetRows,
        long seed,
        Instant start,
        int days,
        boolean indexColumn) {

    public static final long DEFAULT_CONVERSATIONS = 10_000;
    public static final long DEFAULT_SEED = 1;
    public static final Instant DEFAULT_START = Instant.parse("2017-10-01T00:00:00Z");
    public static final int DEFAULT_DAYS = 30;

    static final String USAGE =
            """
            Usage: squeaky generate --output FILE [options]

            Writes a synthetic customer-support conversation file in the Kaggle "Customer Support
            on Twitter" (TWCS) CSV format, the same for the same seed.

              --output FILE         where the CSV goes
              --conversations N     how many conversations (default 10000)
              --rows N              instead: about this many rows
              --seed S              random seed (default 1)
              --start INSTANT       earliest conversation start (default 2017-10-01T00:00:00Z)
              --days D              conversations start within this many days (default 30)
              --index-column        add pandas' unnamed leading index column
              --help                this text
            """;

    public GeneratorSettings {
        if (conversations <= 0 && targetRows <= 0) {
            throw new IllegalArgumentException("give a positive --conversations or --rows");
        }
        if (days <= 0) {
            throw new IllegalArgumentException("--days must be positive");
        }
    }

    /** The settings the arguments describe, or null when they ask for help. */
    public static GeneratorSettings fromArgs(String[] args) {
        Path output = null;
        long conversations = 0;
        long rows = 0;
        long seed = DEFAULT_SEED;
        Instant start = DEFAULT_START;
        int days = DEFAULT_DAYS;
        boolean indexColumn = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--index-column" -> indexColumn = true;
                case "--output" -> output = Path.of(value(args, ++i, option));
                case "--conversations" -> conversations = number(value(args, ++i, option), option);
                case "--rows" -> rows = number(value(args, ++i, option), option);
                case "--seed" -> seed = number(value(args, ++i, option), option);
                case "--days" -> days = Math.toIntExact(number(value(args, ++i, option), option));
                case "--start" -> start = instant(value(args, ++i, option));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("option --output is required (see --help)");
        }
        if (conversations > 0 && rows > 0) {
            throw new IllegalArgumentException("give --conversations or --rows, not both");
        }
        if (conversations <= 0 && rows <= 0) {
            conversations = DEFAULT_CONVERSATIONS;
        }
        return new GeneratorSettings(output, conversations, rows, seed, start, days, indexColumn);
    }

    /** Whether a file of this many conversations and rows is as large as asked. */
    boolean reached(long conversationsWritten, long rowsWritten) {
        return conversations > 0
                ? conversationsWritten >= conversations
                : rowsWritten >= targetRows;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[index];
    }

    private static long number(String text, String option) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, not " + text, e);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--start expects an instant such as 2017-10-01T00:00:00Z, not " + text, e);
        }
    }
}
