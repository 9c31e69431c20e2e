package io.squeaky.flink;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
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
            FileCompaction compaction,
            Duration closeQuietParts) {
        return partitioned(
                new Path(outputDir, table),
                writerFactory(type),
                partitionDate,
                ParquetRecords.specific(type),
                compaction,
                closeQuietParts);
    }

    /**
     * A table's sink: its rows' writer, their partition, how its files are read to merge, and after
     * how long without a row a part file closes before the next checkpoint ({@link
     * QuietPartRolling}; zero: only at checkpoints).
     */
    static <T> FileSink<T> partitioned(
            Path folder,
            BulkWriter.Factory<T> writers,
            SerializableFunction<T, LocalDate> partitionDate,
            RecordWiseFileCompactor.Reader.Factory<T> rows,
            FileCompaction compaction,
            Duration closeQuietParts) {
        FileSink.DefaultBulkFormatBuilder<T> sink = FileSink.forBulkFormat(folder, writers);
        sink.withBucketAssigner(new DatePartitions<>(partitionDate))
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix("part")
                                .withPartSuffix(".parquet")
                                .build());
        if (!closeQuietParts.isZero()) {
            sink.withRollingPolicy(new QuietPartRolling<>(closeQuietParts))
                    .withBucketCheckInterval(closeQuietParts.toMillis());
        }
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
        Schema rows = SpecificData.get().getSchema(type);
        String schema = TableSchemas.withLogicalTypes(rows).toString();
        // Keyed hashes never repeat within a file: a dictionary for them is built, found useless
        // and thrown away every page, as for the columns the schema marks plain.
        List<String> plain = new ArrayList<>(List.of("case_id", "customer_id"));
        plain.addAll(TableSchemas.plainColumns(rows));
        ParquetBuilder<T> builder =
                out -> {
                    AvroParquetWriter.Builder<T> writer =
                            AvroParquetWriter.<T>builder(out)
                                    .withSchema(new Schema.Parser().parse(schema))
                                    .withDataModel(new SpecificData(type.getClassLoader()));
                    for (String column : plain) {
                        writer.withDictionaryEncoding(column, false);
                    }
                    return open(writer);
                };
        return new ParquetWriterFactory<>(builder);
    }

    /**
     * A table's writer with the settings every table shares. Every partition a checkpoint (or a
     * batch run) writes to holds an open writer, and a fast replay or a catch-up on a backlog opens
     * hundreds at once: what a writer allocates before and at its first rows is what the heap pays
     * per open partition, so each setting below keeps that small without changing a row.
     */
    static <T> ParquetWriter<T> open(AvroParquetWriter.Builder<T> builder) throws IOException {
        return builder
                // The default, a Hadoop Configuration, loads Hadoop's ~1,000 default properties
                // into every writer; none of them is the writer's.
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                // The compressor allocates a page-sized buffer up front: at the default 1 MB, a
                // few hundred open partitions exhaust a TaskManager's heap.
                .withPageSize(PAGE_SIZE)
                .build();
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
