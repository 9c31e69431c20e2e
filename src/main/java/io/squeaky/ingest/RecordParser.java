package io.squeaky.ingest;

import io.squeaky.records.SourceRecord;
import java.util.function.Consumer;

/**
 * ^ * Turns the records of one input file or stream into posts or ticket events. A record that
 * cannot be read becomes a reject; a parser never throws on bad input. Parsers may keep per-file
 * state (a CSV header), so a reader creates one per file.
 */
public interface RecordParser {

    void parse(RawRecord record, Consumer<SourceRecord> out);
}
