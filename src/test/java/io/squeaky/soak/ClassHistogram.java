package io.squeaky.soak;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's class histogram ({@code jcmd PID GC.class_histogram}), to name what grows when the live
 * heap does: the classes whose bytes rose most from one histogram to a later one.
 */
record ClassHistogram(Map<String, Entry> classes) {

    /** One class's row: its instances and their bytes. */
    record Entry(long instances, long bytes) {}

    /** One class's growth between two histograms. */
    record Growth(String className, long instances, long bytes) {
        String line() {
            return String.format(
                    Locale.ROOT, "%+,12d B  %+,10d instances  %s", bytes, instances, className);
        }
    }

    // "   1:        123456        7890123  [B (java.base@17.0.15)"
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    static ClassHistogram parse(String text) {
        Map<String, Entry> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                classes.merge(
                        row.group(3),
                        new Entry(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        (a, b) -> new Entry(a.instances() + b.instances(), a.bytes() + b.bytes()));
            }
        }
        return new ClassHistogram(Map.copyOf(classes));
    }

    long totalBytes() {
        return classes.values().stream().mapToLong(Entry::bytes).sum();
    }

    /** The {@code top} classes whose bytes rose most from this histogram to {@code later}. */
    List<Growth> grownInto(ClassHistogram later, int top) {
        return later.classes.entrySet().stream()
                .map(
                        e -> {
                            Entry before = classes.getOrDefault(e.getKey(), new Entry(0, 0));
                            return new Growth(
                                    e.getKey(),
                                    e.getValue().instances() - before.instances(),
                                    e.getValue().bytes() - before.bytes());
                        })
                .filter(g -> g.bytes() > 0)
                .sorted(Comparator.comparingLong(Growth::bytes).reversed())
                .limit(top)
                .toList();
    }
}
