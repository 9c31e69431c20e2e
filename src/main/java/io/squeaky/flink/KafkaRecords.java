package io.squeaky.flink;

import io.squeaky.ingest.ByteOrderMark;
import io.squeaky.ingest.InputFormat;
import io.squeaky.ingest.PostFactory;
import io.squeaky.ingest.RawRecord;
import io.squeaky.ingest.RecordParser;
import io.squeaky.records.SourceRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a Kafka topic of posts (Twitter API v2 filtered-stream messages) or of service-desk events
 * (JSON) with the same parsers as the files. A message that cannot be read becomes a reject whose
 * source is {@code topic/partition} and whose position is the offset.
 */
public final class KafkaRecords implements KafkaRecordDeserializationSchema<SourceRecord> {

    private final InputFormat format;
    private final PostFactory factory;
    private transient RecordParser parser;

    public KafkaRecords(InputFormat format, PostFactory factory) {
        this.format = format;
        this.factory = factory;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> message, Collector<SourceRecord> out) {
        if (parser == null) {
            parser = format.parser(factory);
        }
        String text =
                message.value() == null
                        ? ""
                        : ByteOrderMark.strip(new String(message.value(), StandardCharsets.UTF_8));
        RawRecord record =
                new RawRecord(message.topic() + "/" + message.partition(), message.offset(), text);
        if (text.isBlank()) {
            out.collect(factory.reject(record, format.optionName(), "empty message"));
            return;
        }
        parser.parse(
                record,
                parsed -> {
                    if (parsed.getPost() != null) {
                        parsed.getPost().setIngestedAt(message.timestamp());
                    } else if (parsed.getCaseEvent() != null) {
                        parsed.getCaseEvent().setIngestedAt(message.timestamp());
                    }
                    out.collect(parsed);
                });
    }

    @Override
    public TypeInformation<SourceRecord> getProducedType() {
        return new AvroTypeInfo<>(SourceRecord.class);
    }
}
