package io.squeaky.flink;

import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
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
final class ParquetRecords<T> implements RecordWiseFileCompactor.Reader.Factory<T> {

    /** The generated class the rows are read as; none for generic records. */
    private final Class<? extends SpecificRecordBase> type;

    private ParquetRecords(Class<? extends SpecificRecordBase> type) {
        this.type = type;
    }

    static <T extends SpecificRecordBase> ParquetRecords<T> specific(Class<T> type) {
        return new ParquetRecords<>(type);
    }

    /** Rows as generic records of the schema each file was written with. */
    static ParquetRecords<GenericRecord> generic() {
        return new ParquetRecords<>(null);
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
                            .withDataModel(
                                    type == null
                                            ? GenericData.get()
                                            : new SpecificData(type.getClassLoader()))
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
