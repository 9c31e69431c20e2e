package io.squeaky.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * The UTF-8 byte-order mark that Windows tools write in front of a file. Left in, it glues itself
 * to the first header name ({@code \ufefftweet_id}) and the header is read as a data row.
 */
public final class ByteOrderMark {

    private static final byte[] UTF_8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char AS_CHAR = '\ufeff';

    private ByteOrderMark() {}

    /** The stream with a leading UTF-8 byte-order mark, if any, consumed. */
    public static InputStream skip(InputStream in) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(in, UTF_8.length);
        byte[] head = stream.readNBytes(UTF_8.length);
        boolean mark = head.length == UTF_8.length;
        for (int i = 0; mark && i < UTF_8.length; i++) {
            mark = head[i] == UTF_8[i];
        }
        if (!mark) {
            stream.unread(head);
        }
        return stream;
    }

    /** The text without a leading byte-order mark: for inputs that arrive as strings. */
    public static String strip(String text) {
        return !text.isEmpty() && text.charAt(0) == AS_CHAR ? text.substring(1) : text;
    }
}
