package io.squeaky.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One piece of a large TWCS file, read on its own so that a file's pieces parse in parallel. The
 * piece's rows lie between the {@link TwcsSplitBoundary boundaries} of its byte range; a piece
 * after the first reads the file's header first, so that its columns are found by name as in the
 * whole file. A file that changes its header part-way (two extracts of different layouts
 * concatenated) is read with its first header by the pieces after the change: give such extracts as
 * separate files.
 */
public final class TwcsPiece {

    private TwcsPiece() {}

    /** The records of the byte range {@code [offset, offset + length)} of a file. */
    public static PostRecords open(
            String source,
            ByteSource file,
            long fileSize,
            long offset,
            long length,
            PostFactory factory)
            throws IOException {
        long start = TwcsSplitBoundary.at(file, offset, fileSize);
        long end = Math.max(start, TwcsSplitBoundary.at(file, offset + length, fileSize));
        RecordParser parser = InputFormat.TWCS.parser(factory);
        if (start > 0 && start < end) {
            learnHeader(source, file, start, parser);
        }
        InputStream rows = TwcsSplitBoundary.range(file, start, end);
        return new PostRecords(
                source,
                start == 0 ? ByteOrderMark.skip(rows) : rows,
                InputFormat.TWCS,
                parser,
                () -> TwcsSplitBoundary.lineFeedsBefore(file, start));
    }

    /**
     * Feeds the file's first record that is not blank to the parser, which keeps it when it is a
     * header; a data row there belongs to the first piece, so what it yields is dropped.
     */
    private static void learnHeader(String source, ByteSource file, long start, RecordParser parser)
            throws IOException {
        try (InputStream head = ByteOrderMark.skip(TwcsSplitBoundary.range(file, 0, start))) {
            RecordSplitter splitter =
                    InputFormat.TWCS.splitter(new InputStreamReader(head, StandardCharsets.UTF_8));
            String text = splitter.next();
            while (text != null && BlankRows.isBlank(text, true)) {
                text = splitter.next();
            }
            if (text != null) {
                parser.parse(new RawRecord(source, splitter.recordLine(), text), dropped -> {});
            }
        }
    }
}
