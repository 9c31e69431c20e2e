package io.squeaky.generate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the cross-channel generator is told, checked before anything is written. */
public record CrossChannelSettings(
        Path output,
        int cases,
        long seed,
        Instant start,
        int days,
        double escalationRate,
        HazardModel hazard,
        double reopenRate,
        double duplicateRate,
        double disorderRate,
        double malformedRate,
        boolean censoring,
        Path schedules) {

    static final String USAGE =
            """
            Usage: squeaky generate-desk --output DIR [options]

            Writes synthetic service-desk events and Twitter API v2 pages for the same cases, and
            the ground truth of every case's clocks, under DIR:
              desk/events.csv       ticket events (service-desk-input.md)
              posts/posts.jsonl     Twitter API v2 pages with includes.users
              truth/cases.jsonl     one line per ticket: planted covariates and true clocks
              truth/parameters.json parameters, seed, planted storms and noise counts
              truth/brands.csv, truth/schedules.json   the brand setup, for --brands/--schedules

              --output DIR                 where the files go (required)
              --cases N                    tickets to open (default 2000)
              --seed S                     random seed; the same seed writes the same bytes (default 1)
              --start INSTANT              first possible opening (default 2017-10-02T00:00:00Z)
              --days D                     days over which cases open; the data ends there (default 28)
              --escalation-rate P          share of traditional-channel customers who would tweet, if
                                           still unresolved by then (default 0.25)
              --escalation-median-hours H  median time from the open to that tweet (default 24)
              --posts-per-day R            the customer's further posts once public (default 1)
              The hazards of first reply and of full resolution, from the moment each applies:
              --hr-public X                while the case is public on Twitter (default 3)
              --hr-per-post X              per customer post so far, the first included (default 1.2)
              --hr-desk-closed X           while the brand's desk is closed (default 0.4)
              --hr-tenfold-followers X     per tenfold of followers, fixed at the open (default 1.3)
              --hr-storm X                 opening inside a brand storm, fixed at the open (default 1.5)
              --baseline-median-hours H    median resolution time at hazard ratio 1 (default 48)
              --first-reply-median-hours H median first reply time at hazard ratio 1 (default 4)
              --reopen-rate P              share of tickets solved once, reopened, solved again (default 0.1)
              --duplicate-rate P           share of event rows and tweets written twice (default 0.01)
              --disorder-rate P            share written late, within 10 minutes of their time (default 0.02)
              --malformed-rate P           garbage lines per line written (default 0.005)
              --no-censoring               write every event until every case resolves, instead of
                                           stopping at start + days
              --schedules FILE             desk hours per brand, JSON as jobs/config/schedules.json
                                           (default: the generator's built-in hours and holidays)
              --help                       this text
            """;

    private static final List<String> VALUED =
            List.of(
                    "output",
                    "cases",
                    "seed",
                    "start",
                    "days",
                    "escalation-rate",
                    "escalation-median-hours",
                    "posts-per-day",
                    "hr-public",
                    "hr-per-post",
                    "hr-desk-closed",
                    "hr-tenfold-followers",
                    "hr-storm",
                    "baseline-median-hours",
                    "first-reply-median-hours",
                    "reopen-rate",
                    "duplicate-rate",
                    "disorder-rate",
                    "malformed-rate",
                    "schedules");

    /** Snowflake ids count from this instant; posts before it could not have an id. */
    static final Instant TWITTER_EPOCH = Instant.ofEpochMilli(1_288_834_974_657L);

    /**
     * Tweet ids keep 30 bits for the posting second after the Twitter epoch and 33 for the case and
     * tweet numbers: enough for a billion cases posting until the early 2040s.
     */
    static final int MAX_CASES = 1 << 30;

    static final Instant LAST_START = Instant.parse("2040-01-01T00:00:00Z");

    public CrossChannelSettings {
        if (cases < 1 || cases > MAX_CASES) {
            throw new IllegalArgumentException("--cases must lie between 1 and " + MAX_CASES);
        }
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1");
        }
        if (start.isBefore(TWITTER_EPOCH) || !start.isBefore(LAST_START) || start.getNano() != 0) {
            throw new IllegalArgumentException(
                    "--start must be a whole second between "
                            + TWITTER_EPOCH
                            + " and "
                            + LAST_START);
        }
        probability("escalation-rate", escalationRate);
        probability("reopen-rate", reopenRate);
        probability("duplicate-rate", duplicateRate);
        probability("disorder-rate", disorderRate);
        probability("malformed-rate", malformedRate);
    }

    /** The settings the arguments describe, or null when they ask for help. */
    public static CrossChannelSettings fromArgs(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean censoring = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (arg.equals("--no-censoring")) {
                censoring = false;
                continue;
            }
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null || !VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "' (see --help)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            values.put(name, args[++i]);
        }
        String output = values.get("output");
        if (output == null) {
            throw new IllegalArgumentException("option --output is required (see --help)");
        }
        return new CrossChannelSettings(
                Path.of(output),
                (int) whole(values, "cases", 2000),
                whole(values, "seed", 1),
                instant(values.getOrDefault("start", "2017-10-02T00:00:00Z")),
                (int) whole(values, "days", 28),
                number(values, "escalation-rate", 0.25),
                new HazardModel(
                        positive(values, "baseline-median-hours", 48),
                        positive(values, "first-reply-median-hours", 4),
                        positive(values, "hr-public", 3),
                        positive(values, "hr-per-post", 1.2),
                        positive(values, "hr-desk-closed", 0.4),
                        positive(values, "hr-tenfold-followers", 1.3),
                        positive(values, "hr-storm", 1.5),
                        positive(values, "escalation-median-hours", 24),
                        positive(values, "posts-per-day", 1)),
                number(values, "reopen-rate", 0.1),
                number(values, "duplicate-rate", 0.01),
                number(values, "disorder-rate", 0.02),
                number(values, "malformed-rate", 0.005),
                censoring,
                values.containsKey("schedules") ? Path.of(values.get("schedules")) : null);
    }

    /** Epoch second at which the data ends: cases open before it, and censoring cuts there. */
    long dataEnd() {
        return start.getEpochSecond() + days * 86_400L;
    }

    private static double number(Map<String, String> values, String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a number, not " + value, e);
        }
    }

    private static long whole(Map<String, String> values, String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (!name.equals("seed") && number > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " expects a whole number, not " + value, e);
        }
    }

    private static double positive(Map<String, String> values, String name, double fallback) {
        double value = number(values, name, fallback);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("--" + name + " must be a positive number");
        }
        return value;
    }

    private static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("--" + name + " must lie between 0 and 1");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start expects an ISO-8601 instant", e);
        }
    }
}
