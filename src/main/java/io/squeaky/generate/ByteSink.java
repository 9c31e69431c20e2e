package io.squeaky.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A byte buffer in front of an output stream, with the few formatting steps the CSV needs done on
 * bytes: the generator writes hundreds of MB, and Writer/String formatting would dominate.
 */
final class ByteSink implements Closeable {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 20];
    private int position;
    private long flushedBytes;

    ByteSink(OutputStream out) {
        this.out = out;
    }

    void write(int b) throws IOException {
        if (position == buffer.length) {
            flush();
        }
        buffer[position++] = (byte) b;
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - position) {
            flush();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                flushedBytes += bytes.length;
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    /** A non-negative number in decimal. */
    void writeDecimal(long value) throws IOException {
        if (buffer.length - position < 20) {
            flush();
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int end = position + digits;
        long rest = value;
        for (int i = end - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        position = end;
    }

    /** 0-99 with a leading zero. */
    void writeTwoDigits(int value) throws IOException {
        write('0' + value / 10);
        write('0' + value % 10);
    }

    long size() {
        return flushedBytes + position;
    }

    void flush() throws IOException {
        out.write(buffer, 0, position);
        flushedBytes += position;
        position = 0;
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
