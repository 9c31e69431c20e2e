package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.records.SourceRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What every adapter's fuzz test holds it to: any bytes, read the way a file is (one splitter and
 * one parser over the whole input) and, for the formats Kafka carries, as one message, end as
 * posts, ticket events or rejects. No exception may escape (the fuzz test fails on it), and the
 * output is bounded by the input: at most one record per split record, except that a Twitter v2
 * page may hold one tweet per element of its data array, and a reject keeps at most {@link
 * RawRecord#MAX_KEPT_CHARS} of its text. Time and memory per input are bounded by the fuzz test's
 * timeout and the JVM's heap: Jazzer reports a slow input or an OutOfMemoryError as a finding.
 */
final class AdapterFuzzing {

    private static final Clock FIXED =
            Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final PostFactory FACTORY = new PostFactory(BrandRegistry.bundled(), FIXED);

    private AdapterFuzzing() {}

    /** Reads the input as a file of the format, and as one Kafka message when Kafka carries it. */
    static void readAnyway(InputFormat format, byte[] input) {
        // Decoded as the file reader and the Kafka deserializer decode: malformed UTF-8 becomes
        // U+FFFD.
        String text = new String(input, StandardCharsets.UTF_8);
        asFile(format, text);
        if (format == InputFormat.TWITTER_V2 || format == InputFormat.SERVICE_DESK_JSONL) {
            asMessage(format, text);
        }
    }

    private static void asFile(InputFormat format, String text) {
        RecordSplitter splitter = format.splitter(new StringReader(text));
        RecordParser parser = format.parser(FACTORY);
        List<SourceRecord> out = new ArrayList<>();
        long records = 0;
        long splitChars = 0;
        try {
            String record;
            while ((record = splitter.next()) != null) {
                records++;
                splitChars += record.length();
                parser.parse(new RawRecord("fuzz", splitter.recordLine(), record), out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(splitChars)
                .as("a splitter only drops separators")
                .isLessThanOrEqualTo(text.length());
        assertBounded(format, text, records, out);
    }

    private static void asMessage(InputFormat format, String text) {
        List<SourceRecord> out = new ArrayList<>();
        format.parser(FACTORY).parse(new RawRecord("fuzz/0", 0, text), out::add);
        assertBounded(format, text, 1, out);
    }

    private static void assertBounded(
            InputFormat format, String text, long records, List<SourceRecord> out) {
        // A v2 page's data array holds one tweet per element, each at least a character and a
        // comma.
        long tweetsPerRecord = format == InputFormat.TWITTER_V2 ? (text.length() + 1) / 2 : 0;
        assertThat((long) out.size()).isLessThanOrEqualTo(records + tweetsPerRecord);
        for (SourceRecord r : out) {
            if (r.getReject() != null) {
                // Rejects keep no raw text by default; with --rejects-raw it is cut to size.
                String raw = r.getReject().getRawText();
                assertThat(raw == null ? 0 : raw.length())
                        .isLessThanOrEqualTo(RawRecord.MAX_KEPT_CHARS);
                assertThat(r.getReject().getReason()).isNotBlank();
            } else if (format.carriesPosts()) {
                assertThat(r.getPost()).as("a post format makes posts").isNotNull();
            } else {
                assertThat(r.getCaseEvent()).as("a service-desk format makes events").isNotNull();
            }
        }
    }
}
