package io.squeaky.ingest;

import java.io.IOException;

/** Cuts a character stream into records, remembering the line each record starts on. */
public interface RecordSplitter {

    /** The next record's text, or null at the end of the input. */
    String next() throws IOException;

    /** 1-based line number on which the record last returned by {@link #next()} starts. */
    long recordLine();
}
