package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.metrics.CaseInterval;
import io.squeaky.metrics.Endpoint;
import io.squeaky.metrics.FitInterval;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Flink's contract test for serializers (round trips, binary copies, snapshots, duplication,
 * concurrency) on intervals with every flag, unknown and known followers, with and without business
 * time, a missing storm index and non-ASCII strings; and the snapshot a savepoint holds restoring
 * the same serializer.
 */
class FitIntervalSerializerTest extends SerializerTestBase<FitInterval> {

    @Override
    protected TypeSerializer<FitInterval> createSerializer() {
        return FitIntervalSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<FitInterval> getTypeClass() {
        return FitInterval.class;
    }

    @Override
    protected FitInterval[] getTestData() {
        return new FitInterval[] {
            interval(
                    "c-1", Endpoint.FIRST_REPLY, 0, 60, true, false, false, Double.NaN, null, null),
            interval("c-1", Endpoint.RESOLUTION, 60, 3_600, false, true, true, 1.5, 12_000L, true),
            interval("ticket-ü-2", Endpoint.RESOLUTION, 7, 8, true, true, false, 0.0, 0L, false),
            interval(
                    "",
                    Endpoint.FIRST_REPLY,
                    Long.MAX_VALUE - 1,
                    Long.MAX_VALUE,
                    false,
                    false,
                    true,
                    -2.25,
                    Long.MIN_VALUE,
                    null)
        };
    }

    private static FitInterval interval(
            String caseId,
            Endpoint endpoint,
            long start,
            long stop,
            boolean event,
            boolean isPublic,
            boolean deskOpen,
            double storm,
            Long followers,
            Boolean businessEvent) {
        return new FitInterval(
                1_509_408_000_000L,
                1_509_408_000_000L + start,
                new CaseInterval(
                        caseId,
                        "customer-" + caseId.length(),
                        "Amazon ☕",
                        endpoint,
                        start,
                        stop,
                        event,
                        isPublic,
                        (int) (stop % 7),
                        -3,
                        storm,
                        deskOpen,
                        followers,
                        followers == null ? null : StrictMath.log10(Math.max(followers, 1L)),
                        businessEvent == null ? null : start / 2,
                        businessEvent == null ? null : stop / 2 + 1,
                        businessEvent));
    }

    @Test
    void aWrittenSnapshotRestoresTheSameSerializer() throws Exception {
        TypeSerializerSnapshot<FitInterval> snapshot =
                FitIntervalSerializer.INSTANCE.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<FitInterval> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());

        TypeSerializerSchemaCompatibility<FitInterval> compatibility =
                FitIntervalSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(restored);
        assertThat(compatibility.isCompatibleAsIs()).isTrue();
        assertThat(restored.restoreSerializer()).isSameAs(FitIntervalSerializer.INSTANCE);
    }
}
