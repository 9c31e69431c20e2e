package io.squeaky.ingest;

import io.squeaky.records.SourceRecord;
import java.util.function.Consumer;

/**
 * Turns the records of one input file or stream into posts. A record that cannot be read becomes a
 * reject; a parser never throws on bad input. Parsers may keep per-file state (a CSV header), so a
 * reader creates one per file.
 */
public interface PostParser {

    void parse(RawRecord record, Consumer<SourceRecord> out);
}
