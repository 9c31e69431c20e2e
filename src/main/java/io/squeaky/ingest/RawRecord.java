package io.squeaky.ingest;

/** One record as it stands in the input: where it came from, and its text. */
public record RawRecord(String source, long position, String text) {

    /** Longest raw text a reject keeps, so one huge broken line cannot bloat the rejects table. */
    public static final int MAX_KEPT_CHARS = 1024;

    public String keptText() {
        return text.length() <= MAX_KEPT_CHARS ? text : text.substring(0, MAX_KEPT_CHARS);
    }
}
