package io.squeaky.flink;

import io.squeaky.metrics.CaseInterval;
import io.squeaky.metrics.Endpoint;
import io.squeaky.metrics.FitInterval;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The {@link FitInterval}s that travel from censoring to the hazard-ratio fits and wait in their
 * windows, written field by field: three strings, the numbers, and two bytes of flags for the
 * booleans and for which of the nullable fields are present, where Avro's {@code CaseIntervalRow}
 * spends reflection, union branches and a schema resolution on each row. The record is immutable,
 * so copies are the record itself.
 */
public final class FitIntervalSerializer extends TypeSerializerSingleton<FitInterval> {

    public static final FitIntervalSerializer INSTANCE = new FitIntervalSerializer();

    private static final Endpoint[] ENDPOINTS = Endpoint.values();
    private static final int EVENT = 1;
    private static final int PUBLIC = 1 << 1;
    private static final int DESK_OPEN = 1 << 2;
    private static final int FOLLOWERS_KNOWN = 1 << 3;
    private static final int LOG10_FOLLOWERS_KNOWN = 1 << 4;
    private static final int BUSINESS_START_KNOWN = 1 << 5;
    private static final int BUSINESS_STOP_KNOWN = 1 << 6;
    private static final int BUSINESS_EVENT_KNOWN = 1 << 7;
    private static final int BUSINESS_EVENT = 1 << 8;

    /** Flink asks for an instance to reuse; an immutable record is never reused. */
    private static final FitInterval BLANK =
            new FitInterval(
                    0,
                    0,
                    new CaseInterval(
                            "",
                            "",
                            "",
                            Endpoint.FIRST_REPLY,
                            0,
                            1,
                            false,
                            false,
                            0,
                            0,
                            Double.NaN,
                            false,
                            null,
                            null,
                            null,
                            null,
                            null));

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public FitInterval createInstance() {
        return BLANK;
    }

    @Override
    public FitInterval copy(FitInterval from) {
        return from;
    }

    @Override
    public FitInterval copy(FitInterval from, FitInterval reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(FitInterval record, DataOutputView target) throws IOException {
        CaseInterval interval = record.interval();
        target.writeLong(record.periodStart());
        target.writeLong(record.openedAt());
        StringValue.writeString(interval.caseId(), target);
        StringValue.writeString(interval.customerId(), target);
        StringValue.writeString(interval.brand(), target);
        target.writeByte(interval.endpoint().ordinal());
        target.writeLong(interval.startSeconds());
        target.writeLong(interval.stopSeconds());
        target.writeInt(interval.persistence());
        target.writeInt(interval.amplification());
        target.writeDouble(interval.brandStorm());
        Boolean businessEvent = interval.businessEvent();
        target.writeShort(
                (interval.event() ? EVENT : 0)
                        | (interval.isPublic() ? PUBLIC : 0)
                        | (interval.deskOpen() ? DESK_OPEN : 0)
                        | (interval.followersAtOpen() != null ? FOLLOWERS_KNOWN : 0)
                        | (interval.log10Followers() != null ? LOG10_FOLLOWERS_KNOWN : 0)
                        | (interval.businessStartSeconds() != null ? BUSINESS_START_KNOWN : 0)
                        | (interval.businessStopSeconds() != null ? BUSINESS_STOP_KNOWN : 0)
                        | (businessEvent != null ? BUSINESS_EVENT_KNOWN : 0)
                        | (Boolean.TRUE.equals(businessEvent) ? BUSINESS_EVENT : 0));
        if (interval.followersAtOpen() != null) {
            target.writeLong(interval.followersAtOpen());
        }
        if (interval.log10Followers() != null) {
            target.writeDouble(interval.log10Followers());
        }
        if (interval.businessStartSeconds() != null) {
            target.writeLong(interval.businessStartSeconds());
        }
        if (interval.businessStopSeconds() != null) {
            target.writeLong(interval.businessStopSeconds());
        }
    }

    @Override
    public FitInterval deserialize(DataInputView source) throws IOException {
        long periodStart = source.readLong();
        long openedAt = source.readLong();
        String caseId = StringValue.readString(source);
        String customerId = StringValue.readString(source);
        String brand = StringValue.readString(source);
        Endpoint endpoint = ENDPOINTS[source.readByte()];
        long start = source.readLong();
        long stop = source.readLong();
        int persistence = source.readInt();
        int amplification = source.readInt();
        double brandStorm = source.readDouble();
        int flags = source.readShort();
        Long followers = (flags & FOLLOWERS_KNOWN) != 0 ? source.readLong() : null;
        Double log10Followers = (flags & LOG10_FOLLOWERS_KNOWN) != 0 ? source.readDouble() : null;
        Long businessStart = (flags & BUSINESS_START_KNOWN) != 0 ? source.readLong() : null;
        Long businessStop = (flags & BUSINESS_STOP_KNOWN) != 0 ? source.readLong() : null;
        Boolean businessEvent =
                (flags & BUSINESS_EVENT_KNOWN) != 0 ? (flags & BUSINESS_EVENT) != 0 : null;
        return new FitInterval(
                periodStart,
                openedAt,
                new CaseInterval(
                        caseId,
                        customerId,
                        brand,
                        endpoint,
                        start,
                        stop,
                        (flags & EVENT) != 0,
                        (flags & PUBLIC) != 0,
                        persistence,
                        amplification,
                        brandStorm,
                        (flags & DESK_OPEN) != 0,
                        followers,
                        log10Followers,
                        businessStart,
                        businessStop,
                        businessEvent));
    }

    @Override
    public FitInterval deserialize(FitInterval reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        // period start and open
        target.write(source, 16);
        StringValue.copyString(source, target);
        StringValue.copyString(source, target);
        StringValue.copyString(source, target);
        // endpoint 1, start and stop 16, persistence and amplification 8, brand storm 8
        target.write(source, 33);
        short flags = source.readShort();
        target.writeShort(flags);
        int optional =
                Integer.bitCount(
                        flags
                                & (FOLLOWERS_KNOWN
                                        | LOG10_FOLLOWERS_KNOWN
                                        | BUSINESS_START_KNOWN
                                        | BUSINESS_STOP_KNOWN));
        target.write(source, 8 * optional);
    }

    @Override
    public TypeSerializerSnapshot<FitInterval> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: any version-1 snapshot restores it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FitInterval> {

        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
