package io.squeaky.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the pieces of a TWCS file begin. A piece given as the byte range {@code [offset, end)}
 * reads the rows from the first row start at or after {@code offset} to the first at or after
 * {@code end}, the way Hadoop's text splits read past their end to the next line: both neighbours
 * compute the same boundary, so every row is read by exactly one piece. A row start is the file's
 * first byte or a line (after a line feed; a bare carriage return is tweet text) that begins with
 * the {@link TwcsRowSignature}.
 */
public final class TwcsSplitBoundary {

    /** A row starts within a few hundred bytes of any offset in a real file. */
    private static final int SEARCH_BUFFER = 8 * 1024;

    private static final int COUNT_BUFFER = 64 * 1024;

    private TwcsSplitBoundary() {}

    /** The first row start at or after {@code from}, or {@code fileSize} when none follows. */
    public static long at(ByteSource file, long from, long fileSize) throws IOException {
        if (from <= 0) {
            return 0;
        }
        if (from >= fileSize) {
            return fileSize;
        }
        // From the byte before, so that a row starting exactly at `from` is found.
        try (InputStream in = file.openAt(from - 1)) {
            byte[] buffer = new byte[SEARCH_BUFFER];
            long base = from - 1;
            int length = 0;
            int i = 0;
            boolean ended = false;
            while (true) {
                if (!ended && length - i <= TwcsRowSignature.MAX_BYTES) {
                    System.arraycopy(buffer, i, buffer, 0, length - i);
                    base += i;
                    length -= i;
                    i = 0;
                    int n = in.read(buffer, length, buffer.length - length);
                    if (n < 0) {
                        ended = true;
                    } else {
                        length += n;
                    }
                    continue;
                }
                if (i >= length) {
                    return fileSize;
                }
                if (buffer[i] == '\n' && TwcsRowSignature.matches(buffer, i + 1, length)) {
                    return base + i + 1;
                }
                i++;
            }
        }
    }

    /** Line feeds before {@code end}: a row starting there is on line one more than that. */
    public static long lineFeedsBefore(ByteSource file, long end) throws IOException {
        long count = 0;
        try (InputStream in = range(file, 0, end)) {
            byte[] buffer = new byte[COUNT_BUFFER];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** The bytes {@code [from, to)} of the file. */
    public static InputStream range(ByteSource file, long from, long to) throws IOException {
        return new FilterInputStream(file.openAt(from)) {
            private long left = to - from;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(super.available(), Math.max(0, left));
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, Math.max(0, left)));
                left -= skipped;
                return skipped;
            }
        };
    }
}
