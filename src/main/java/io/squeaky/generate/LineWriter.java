package io.squeaky.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A UTF-8 file written line by line from reused StringBuilders, without copying each line into a
 * String first: the generator writes millions of lines.
 */
final class LineWriter implements Closeable {

    private final Writer out;
    private char[] chars = new char[1024];

    LineWriter(Path file) throws IOException {
        this.out =
                new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                        1 << 16);
    }

    void line(CharSequence text) {
        int length = text.length();
        if (chars.length < length + 1) {
            chars = new char[2 * length + 1];
        }
        if (text instanceof StringBuilder builder) {
            builder.getChars(0, length, chars, 0);
        } else {
            text.toString().getChars(0, length, chars, 0);
        }
        chars[length] = '\n';
        try {
            out.write(chars, 0, length + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
