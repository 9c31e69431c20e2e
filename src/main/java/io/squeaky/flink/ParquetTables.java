package io.squeaky.flink;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.sink.compactor.RecordWiseFileCompactor;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.formats.parquet.ParquetBuilder;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet tables written by FileSink: Snappy-compressed, Hive-style {@code dt=YYYY-MM-DD}
 * partitions, part files ending in {@code .parquet} so that a {@code *.parquet} glob never meets
 * in-progress files or markers. Files become visible when the batch ends or a checkpoint completes;
 * with a {@link FileCompaction}, a streaming run's files become visible merged, a few per
 * partition.
 */
public final class ParquetTables {

    static final int PAGE_SIZE = 128 * 1024;

    private ParquetTables() {}

    public static <T extends SpecificRecordBase> FileSink<T> table(
            String outputDir,
            String table,
            Class<T> type,
            SerializableFunction<T, LocalDate> partitionDate,
            FileCompaction compaction) {
        return partitioned(
                new Path(outputDir, table),
                writerFactory(type),
                partitionDate,
                ParquetRecords.specific(type),
                compaction);
    }

    /** A table's sink: its rows' writer, their partition, and how its files are read to merge. */
    static <T> FileSink<T> partitioned(
            Path folder,
            BulkWriter.Factory<T> writers,
            SerializableFunction<T, LocalDate> partitionDate,
            RecordWiseFileCompactor.Reader.Factory<T> rows,
            FileCompaction compaction) {
        FileSink.DefaultBulkFormatBuilder<T> sink = FileSink.forBulkFormat(folder, writers);
        sink.withBucketAssigner(new DatePartitions<>(partitionDate))
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix("part")
                                .withPartSuffix(".parquet")
                                .build());
        if (compaction.enabled()) {
            // Files waiting to be merged are committed under hidden names (".part-*.parquet"),
            // the merged one as "compacted-part-*.parquet"; readers must skip hidden files.
            sink.enableCompact(compaction.strategy(), new RecordWiseFileCompactor<>(rows));
        }
        return sink.build();
    }

    public static LocalDate utcDate(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    static <T extends SpecificRecordBase> ParquetWriterFactory<T> writerFactory(Class<T> type) {
        String schema =
                TableSchemas.withLogicalTypes(SpecificData.get().getSchema(type)).toString();
        ParquetBuilder<T> builder =
                out ->
                        AvroParquetWriter.<T>builder(out)
                                .withSchema(new Schema.Parser().parse(schema))
                                .withDataModel(new SpecificData(type.getClassLoader()))
                                .withCompressionCodec(CompressionCodecName.SNAPPY)
                                // Every open partition of every table holds a writer, and each
                                // writer allocates a page-sized compression buffer up front: at
                                // the default 1 MB, a few hundred dt= partitions exhaust a
                                // TaskManager's heap.
                                .withPageSize(PAGE_SIZE)
                                // Keyed hashes never repeat within a file: a dictionary for
                                // them is built, found useless and thrown away every page.
                                .withDictionaryEncoding("case_id", false)
                                .withDictionaryEncoding("customer_id", false)
                                .build();
        return new ParquetWriterFactory<>(builder);
    }

    static final class DatePartitions<T> implements BucketAssigner<T, String> {

        private final SerializableFunction<T, LocalDate> date;

        DatePartitions(SerializableFunction<T, LocalDate> date) {
            this.date = date;
        }

        @Override
        public String getBucketId(T element, Context context) {
            return "dt=" + date.apply(element);
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
