package io.squeaky.jobs;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line options: {@code --name value} pairs, a name may repeat ({@code --input a --input b})
 * and a value may list several items separated by commas. A flag ({@code --overwrite}) takes no
 * value.
 */
final class Options {

    /** Options that take no value: present means true. */
    static final List<String> FLAGS =
            List.of("rejects-raw", "overwrite", "resume", "bounded", "no-hazard-ratios");

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final boolean help;

    private Options(Map<String, List<String>> values, boolean help) {
        this.values.putAll(values);
        this.help = help;
    }

    static Options parse(String[] args) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (FLAGS.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new Options(values, help);
    }

    boolean help() {
        return help;
    }

    void allowOnly(List<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
        }
    }

    List<String> list(String name) {
        List<String> items = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    String get(String name, String fallback) {
        List<String> given = values.get(name);
        return given == null ? fallback : given.get(given.size() - 1);
    }

    String required(String name) {
        String value = get(name, null);
        if (value == null) {
            throw new IllegalArgumentException("option --" + name + " is required (see --help)");
        }
        return value;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(get(name, "false"));
    }

    int integer(String name, int fallback) {
        String value = get(name, null);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " expects a whole number, not '" + value + "'", e);
        }
    }

    /** A count that must be at least 1, named in the message when it is not. */
    int positive(String name, int fallback) {
        int value = integer(name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, not " + value);
        }
        return value;
    }

    /** A size in bytes: {@code 134217728}, {@code 512kb}, {@code 128mb} or {@code 1gb}. */
    long bytes(String name, long fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        int unit = v.endsWith("kb") ? 10 : v.endsWith("mb") ? 20 : v.endsWith("gb") ? 30 : 0;
        try {
            long amount = Long.parseLong(unit == 0 ? v : v.substring(0, v.length() - 2).strip());
            if (amount < 0 || amount > (Long.MAX_VALUE >> unit)) {
                throw new NumberFormatException();
            }
            return amount << unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--"
                            + name
                            + " expects a size such as 128mb, 512kb or 1gb, not '"
                            + value
                            + "'",
                    e);
        }
    }

    /** A duration that must be longer than zero, named in the message when it is not. */
    Duration positiveDuration(String name, Duration fallback) {
        Duration value = duration(name, fallback);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    "--" + name + " must be longer than zero, not " + get(name, ""));
        }
        return value;
    }

    Duration duration(String name, Duration fallback) {
        String value = get(name, null);
        return value == null ? fallback : duration(name, value);
    }

    /**
     * {@code 500ms}, {@code 90s}, {@code 30m}, {@code 72h}, {@code 7d}, or ISO-8601 ({@code
     * PT1H30M}).
     */
    static Duration duration(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException
                | DateTimeParseException
                | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(
                    "--"
                            + name
                            + " expects a duration such as 90s, 30m, 72h or 7d, not '"
                            + value
                            + "'",
                    e);
        }
    }
}
