package io.squeaky.flink;

import io.squeaky.ingest.BlankRows;
import io.squeaky.ingest.ByteOrderMark;
import io.squeaky.ingest.InputFormat;
import io.squeaky.ingest.PostFactory;
import io.squeaky.ingest.RawRecord;
import io.squeaky.ingest.RecordParser;
import io.squeaky.ingest.RecordSplitter;
import io.squeaky.records.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * Reads post files for a FileSource. A bulk format rather than a stream format because the reader
 * needs the file's path for rejects, and a TWCS record may span lines. Files are read whole (a
 * quoted newline makes a record boundary undecidable mid-file); {@code .gz} files are inflated and
 * a leading UTF-8 byte-order mark is dropped. A restored reader re-parses its file and skips the
 * records already emitted.
 */
public final class PostFileFormat implements BulkFormat<SourceRecord, FileSourceSplit> {

    private static final int BATCH = 512;

    private final InputFormat format;
    private final PostFactory factory;

    public PostFileFormat(InputFormat format, PostFactory factory) {
        this.format = format;
        this.factory = factory;
    }

    @Override
    public Reader<SourceRecord> createReader(Configuration config, FileSourceSplit split)
            throws IOException {
        return new PostReader(split.path(), 0);
    }

    @Override
    public Reader<SourceRecord> restoreReader(Configuration config, FileSourceSplit split)
            throws IOException {
        long emitted =
                split.getReaderPosition()
                        .map(CheckpointedPosition::getRecordsAfterOffset)
                        .orElse(0L);
        return new PostReader(split.path(), emitted);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<SourceRecord> getProducedType() {
        return new AvroTypeInfo<>(SourceRecord.class);
    }

    private final class PostReader implements BulkFormat.Reader<SourceRecord> {

        private final String source;
        private final InputStream stream;
        private final RecordSplitter splitter;
        private final RecordParser parser;
        private final ArrayDeque<SourceRecord> parsed = new ArrayDeque<>();
        private long emitted;
        private long toSkip;
        private boolean exhausted;

        PostReader(Path path, long alreadyEmitted) throws IOException {
            this.source = path.toString();
            InputStream raw = path.getFileSystem().open(path);
            this.stream = source.endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw;
            this.splitter =
                    format.splitter(
                            new InputStreamReader(
                                    ByteOrderMark.skip(stream), StandardCharsets.UTF_8));
            this.parser = format.parser(factory);
            this.toSkip = alreadyEmitted;
            this.emitted = alreadyEmitted;
        }

        @Override
        public ArrayResultIterator<SourceRecord> readBatch() throws IOException {
            SourceRecord[] batch = new SourceRecord[BATCH];
            int n = 0;
            while (n < BATCH) {
                SourceRecord next = nextRecord();
                if (next == null) {
                    break;
                }
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                batch[n++] = next;
            }
            if (n == 0) {
                return null;
            }
            ArrayResultIterator<SourceRecord> iterator = new ArrayResultIterator<>();
            iterator.set(batch, n, CheckpointedPosition.NO_OFFSET, emitted);
            emitted += n;
            return iterator;
        }

        /** The next record; a run of blank rows leaves as one count before the row after it. */
        private SourceRecord nextRecord() throws IOException {
            int blank = 0;
            while (parsed.isEmpty() && !exhausted) {
                String text = splitter.next();
                if (text == null) {
                    exhausted = true;
                } else if (BlankRows.isBlank(text, format.isCsv())) {
                    blank++;
                } else {
                    if (blank > 0) {
                        parsed.add(SourceRecord.newBuilder().setBlankRows(blank).build());
                        blank = 0;
                    }
                    parser.parse(new RawRecord(source, splitter.recordLine(), text), parsed::add);
                }
            }
            if (blank > 0) {
                parsed.add(SourceRecord.newBuilder().setBlankRows(blank).build());
            }
            return parsed.poll();
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
