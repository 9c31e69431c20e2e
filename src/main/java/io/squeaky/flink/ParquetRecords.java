package io.squeaky.flink;

import java.io.IOException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.file.sink.compactor.RecordWiseFileCompactor;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetInputFile;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Reads back the rows of a Parquet file this job wrote, for the file sink's compaction to write
 * them again into the merged file. Parquet's own Avro reader over Flink's file system: Flink's
 * {@code AvroParquetReaders} would need HDFS's classes.
 */
final class ParquetRecords<T extends SpecificRecordBase>
        implements RecordWiseFileCompactor.Reader.Factory<T> {

    private final Class<T> type;

    ParquetRecords(Class<T> type) {
        this.type = type;
    }

    @Override
    public RecordWiseFileCompactor.Reader<T> createFor(Path path) throws IOException {
        FileSystem fs = path.getFileSystem();
        long length = fs.getFileStatus(path).getLen();
        FSDataInputStream in = fs.open(path);
        ParquetReader<T> reader;
        try {
            reader =
                    AvroParquetReader.<T>builder(new ParquetInputFile(in, length))
                            .withDataModel(new SpecificData(type.getClassLoader()))
                            .build();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new RecordWiseFileCompactor.Reader<>() {
            @Override
            public T read() throws IOException {
                return reader.read();
            }

            @Override
            public void close() throws IOException {
                try (in) {
                    reader.close();
                }
            }
        };
    }
}
