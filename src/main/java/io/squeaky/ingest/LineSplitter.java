package io.squeaky.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** One record per line, for JSON-lines inputs. */
public final class LineSplitter implements RecordSplitter {

    private final BufferedReader in;
    private long line;

    public LineSplitter(Reader in) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 64 * 1024);
    }

    @Override
    public String next() throws IOException {
        String text = in.readLine();
        if (text != null) {
            line++;
        }
        return text;
    }

    @Override
    public long recordLine() {
        return line;
    }
}
