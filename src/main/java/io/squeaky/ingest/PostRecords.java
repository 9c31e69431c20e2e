package io.squeaky.ingest;

import io.squeaky.records.Reject;
import io.squeaky.records.SourceRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The records a post file, or one piece of a TWCS file, yields in order: posts and rejects, and a
 * run of blank rows as one count before the row after it. A piece counts lines from its own start;
 * its rejects learn the lines before it only when there is one, since counting them means reading
 * the file up to the piece.
 */
public final class PostRecords implements Closeable {

    /** How many lines precede the input's first; read once, on the first reject. */
    @FunctionalInterface
    interface LinesBefore {
        long count() throws IOException;
    }

    private final String source;
    private final InputStream stream;
    private final boolean csv;
    private final RecordSplitter splitter;
    private final RecordParser parser;
    private final LinesBefore linesBefore;
    private final ArrayDeque<SourceRecord> parsed = new ArrayDeque<>();
    private long precedingLines = -1;
    private boolean exhausted;

    PostRecords(
            String source,
            InputStream stream,
            InputFormat format,
            RecordParser parser,
            LinesBefore linesBefore) {
        this.source = source;
        this.stream = stream;
        this.csv = format.isCsv();
        this.splitter = format.splitter(new InputStreamReader(stream, StandardCharsets.UTF_8));
        this.parser = parser;
        this.linesBefore = linesBefore;
    }

    /** A whole file's records; {@code stream} is already inflated, its byte-order mark skipped. */
    public static PostRecords whole(
            String source, InputStream stream, InputFormat format, PostFactory factory) {
        return new PostRecords(source, stream, format, format.parser(factory), () -> 0);
    }

    /** The next record, or null at the end of the input. */
    public SourceRecord next() throws IOException {
        int blank = 0;
        while (parsed.isEmpty() && !exhausted) {
            String text = splitter.next();
            if (text == null) {
                exhausted = true;
            } else if (BlankRows.isBlank(text, csv)) {
                blank++;
            } else {
                if (blank > 0) {
                    parsed.add(SourceRecord.newBuilder().setBlankRows(blank).build());
                    blank = 0;
                }
                parser.parse(new RawRecord(source, splitter.recordLine(), text), this::add);
            }
        }
        if (blank > 0) {
            parsed.add(SourceRecord.newBuilder().setBlankRows(blank).build());
        }
        return parsed.poll();
    }

    private void add(SourceRecord record) {
        Reject reject = record.getReject();
        if (reject != null) {
            reject.setPosition(reject.getPosition() + precedingLines());
        }
        parsed.add(record);
    }

    private long precedingLines() {
        if (precedingLines < 0) {
            try {
                precedingLines = linesBefore.count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return precedingLines;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
