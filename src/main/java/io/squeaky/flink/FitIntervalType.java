package io.squeaky.flink;

import io.squeaky.metrics.FitInterval;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type for {@link FitInterval}: its own serializer, {@link FitIntervalSerializer}. */
public final class FitIntervalType extends TypeInformation<FitInterval> {

    public static final FitIntervalType INSTANCE = new FitIntervalType();

    private FitIntervalType() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<FitInterval> getTypeClass() {
        return FitInterval.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<FitInterval> createSerializer(SerializerConfig config) {
        return FitIntervalSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "FitInterval";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof FitIntervalType;
    }

    @Override
    public int hashCode() {
        return FitInterval.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof FitIntervalType;
    }
}
