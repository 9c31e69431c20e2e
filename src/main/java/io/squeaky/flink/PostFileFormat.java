package io.squeaky.flink;

import io.squeaky.ingest.ByteOrderMark;
import io.squeaky.ingest.ByteSource;
import io.squeaky.ingest.InputFormat;
import io.squeaky.ingest.PostFactory;
import io.squeaky.ingest.PostRecords;
import io.squeaky.ingest.TwcsPiece;
import io.squeaky.records.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * Reads post files for a FileSource. A bulk format rather than a stream format because the reader
 * needs the file's path for rejects, and a TWCS record may span lines. A split covering a whole
 * file is read from its start ({@code .gz} files inflated, a leading UTF-8 byte-order mark
 * dropped); a split covering part of an uncompressed TWCS file (see {@link FilePieces}) reads the
 * rows that start in it, found by {@link TwcsPiece}. A restored reader re-parses its split and
 * skips the records already emitted.
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
        return new PostReader(records(split), 0);
    }

    @Override
    public Reader<SourceRecord> restoreReader(Configuration config, FileSourceSplit split)
            throws IOException {
        long emitted =
                split.getReaderPosition()
                        .map(CheckpointedPosition::getRecordsAfterOffset)
                        .orElse(0L);
        return new PostReader(records(split), emitted);
    }

    private PostRecords records(FileSourceSplit split) throws IOException {
        Path path = split.path();
        String source = path.toString();
        FileSystem fs = path.getFileSystem();
        if (split.offset() > 0 || split.length() < split.fileSize()) {
            ByteSource bytes =
                    offset -> {
                        FSDataInputStream in = fs.open(path);
                        in.seek(offset);
                        return in;
                    };
            return TwcsPiece.open(
                    source, bytes, split.fileSize(), split.offset(), split.length(), factory);
        }
        InputStream raw = fs.open(path);
        InputStream stream = source.endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw;
        return PostRecords.whole(source, ByteOrderMark.skip(stream), format, factory);
    }

    /** Only TWCS rows carry a signature a reader can find mid-file. */
    @Override
    public boolean isSplittable() {
        return format == InputFormat.TWCS;
    }

    @Override
    public TypeInformation<SourceRecord> getProducedType() {
        return new AvroTypeInfo<>(SourceRecord.class);
    }

    private static final class PostReader implements BulkFormat.Reader<SourceRecord> {

        private final PostRecords records;
        private long emitted;
        private long toSkip;

        PostReader(PostRecords records, long alreadyEmitted) {
            this.records = records;
            this.toSkip = alreadyEmitted;
            this.emitted = alreadyEmitted;
        }

        @Override
        public ArrayResultIterator<SourceRecord> readBatch() throws IOException {
            SourceRecord[] batch = new SourceRecord[BATCH];
            int n = 0;
            while (n < BATCH) {
                SourceRecord next = records.next();
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

        @Override
        public void close() throws IOException {
            records.close();
        }
    }
}
