package io.squeaky.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * The streaming benchmark's floor: the least a Flink job over the same topics does, so that
 * Squeaky's rate can be read as a share of it on a machine whose speed varies. A bounded
 * KafkaSource over both topics, a Jackson parse of each message, a keyBy on the customer (the
 * ticket event's {@code customer_id}, the post's {@code data.author_id}), a keyed counter, and a
 * sink that discards.
 */
final class StreamingFloor {

    private StreamingFloor() {}

    /** Runs the floor job to the end of the topics and returns the messages it read. */
    static long run(StreamExecutionEnvironment env, String bootstrap, String... topics)
            throws Exception {
        KafkaSource<String> source =
                KafkaSource.<String>builder()
                        .setBootstrapServers(bootstrap)
                        .setTopics(topics)
                        .setGroupId("bench-floor")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setValueOnlyDeserializer(new SimpleStringSchema())
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "topics")
                .map(StreamingFloor::customer)
                .returns(Types.STRING)
                .name("parse")
                .keyBy(key -> key, Types.STRING)
                .process(new Count())
                .returns(Types.LONG)
                .name("count per customer")
                .sinkTo(new DiscardingSink<>())
                .name("discard");
        return env.execute("naive streaming floor")
                .<Long>getAccumulatorResult(Count.MESSAGES)
                .longValue();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String customer(String message) throws Exception {
        JsonNode node = JSON.readTree(message);
        JsonNode customer = node.path("customer_id");
        return customer.isMissingNode()
                ? node.path("data").path("author_id").asText()
                : customer.asText();
    }

    /** A counter per customer, the keyed state every real job has. */
    private static final class Count extends KeyedProcessFunction<String, String, Long> {

        static final String MESSAGES = "floor-messages";

        private transient ValueState<Long> seen;
        private final org.apache.flink.api.common.accumulators.LongCounter messages =
                new org.apache.flink.api.common.accumulators.LongCounter();

        @Override
        public void open(OpenContext openContext) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.LONG));
            getRuntimeContext().addAccumulator(MESSAGES, messages);
        }

        @Override
        public void processElement(String key, Context ctx, Collector<Long> out) throws Exception {
            Long before = seen.value();
            seen.update(before == null ? 1 : before + 1);
            messages.add(1);
        }
    }
}
