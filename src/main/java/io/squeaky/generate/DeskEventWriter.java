package io.squeaky.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes desk/events.csv with its noise: rows written late (out of order), rows written twice in a
 * row, and garbage lines after some rows. Counts each kind as it writes it.
 */
final class DeskEventWriter implements Closeable {

    /** The kinds of garbage line, each derived from the row just written. */
    enum Malformation {
        TRUNCATED,
        BAD_TIMESTAMP,
        UNKNOWN_EVENT_TYPE
    }

    private static final int OCCURRED_AT_FIELD = 7;
    private static final int EVENT_TYPE_FIELD = 5;
    private static final List<String> BAD_TIMESTAMPS =
            List.of("2017-10-32T25:61:00Z", "31/10/2017 22:10", "yesterday", "");
    private static final List<String> UNKNOWN_TYPES = List.of("ESCALATED", "MERGED", "NOTE_ADDED");

    private final LineWriter out;
    private final IsoTimestamps timestamps = new IsoTimestamps();
    private final SplittableRandom noise;
    private final double duplicateRate;
    private final double malformedRate;
    private final LateArrivals<DeskEvent> late;
    private final StringBuilder row = new StringBuilder(256);
    private final Map<Malformation, Long> malformed = new EnumMap<>(Malformation.class);
    private long events;
    private long rows;
    private long duplicates;
    private long outOfOrder;
    private long latest = Long.MIN_VALUE;

    DeskEventWriter(Path file, CrossChannelSettings settings, SplittableRandom noise)
            throws IOException {
        this.out = new LineWriter(file);
        this.noise = noise;
        this.duplicateRate = settings.duplicateRate();
        this.malformedRate = settings.malformedRate();
        this.late = new LateArrivals<>(settings.disorderRate(), noise);
        for (Malformation kind : Malformation.values()) {
            malformed.put(kind, 0L);
        }
        out.line(DeskEvent.CSV_HEADER);
    }

    void write(DeskEvent event) {
        late.accept(event, this::emit);
    }

    @Override
    public void close() throws IOException {
        late.flush(this::emit);
        out.close();
    }

    /** Distinct events written, each once however many times its row appears. */
    long events() {
        return events;
    }

    /** Rows written that read as events: the events and their duplicates. */
    long rows() {
        return rows;
    }

    long duplicates() {
        return duplicates;
    }

    /** Rows whose occurred_at is earlier than that of some row above them. */
    long outOfOrder() {
        return outOfOrder;
    }

    Map<Malformation, Long> malformed() {
        return Map.copyOf(malformed);
    }

    private void emit(DeskEvent event) {
        row.setLength(0);
        event.appendCsv(row, timestamps);
        events++;
        line(event.time());
        if (duplicateRate > 0 && Draws.chance(noise, duplicateRate)) {
            line(event.time());
            duplicates++;
        }
        if (malformedRate > 0 && Draws.chance(noise, malformedRate)) {
            Malformation kind = Malformation.values()[noise.nextInt(Malformation.values().length)];
            out.line(garbage(row.toString(), kind));
            malformed.merge(kind, 1L, Long::sum);
        }
    }

    private void line(long time) {
        out.line(row);
        rows++;
        if (time < latest) {
            outOfOrder++;
        } else {
            latest = time;
        }
    }

    private String garbage(String text, Malformation kind) {
        String[] fields = text.split(",", -1);
        return switch (kind) {
            // Cut before occurred_at: the row loses required fields whatever the cut.
            case TRUNCATED ->
                    text.substring(
                            0, 1 + noise.nextInt(offsetOfField(text, OCCURRED_AT_FIELD) - 1));
            case BAD_TIMESTAMP -> replaced(fields, OCCURRED_AT_FIELD, BAD_TIMESTAMPS);
            case UNKNOWN_EVENT_TYPE -> replaced(fields, EVENT_TYPE_FIELD, UNKNOWN_TYPES);
        };
    }

    private String replaced(String[] fields, int field, List<String> choices) {
        fields[field] = choices.get(noise.nextInt(choices.size()));
        return String.join(",", fields);
    }

    private static int offsetOfField(String text, int field) {
        int offset = 0;
        for (int i = 0; i < field; i++) {
            offset = text.indexOf(',', offset) + 1;
        }
        return offset;
    }
}
