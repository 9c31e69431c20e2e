package io.squeaky.flink;

import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.OpenCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * One customer's side of the open cases' versions: which of the session's cases were last sent, and
 * a digest of the timeline they were built from. A session's cases are a function of its timeline,
 * so an unchanged timeline means unchanged cases and nothing to send; a changed one sends every
 * case again, and the end of each case sent before and gone now.
 *
 * <p>State: the keys sent (with each case's brand, for routing its end) and the digest, both
 * cleared when the session closes.
 */
final class OpenCaseVersions {

    private static final char SEPARATOR = '\n';

    private final ValueState<Map<String, String>> sent;
    private final ValueState<byte[]> digest;
    private transient SpecificDatumWriter<CustomerTimeline> writer;

    OpenCaseVersions(RuntimeContext context) {
        this.sent =
                context.getState(
                        new ValueStateDescriptor<>(
                                "open-cases-sent", Types.MAP(Types.STRING, Types.STRING)));
        this.digest =
                context.getState(
                        new ValueStateDescriptor<>(
                                "open-cases-timeline-digest",
                                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    /** The identity of a case among its window's open cases. */
    static String key(CaseRecord row) {
        return row.getOpenedAt() + String.valueOf(SEPARATOR) + row.getCaseId();
    }

    /** Whether the timeline differs from the one the last versions were built from. */
    boolean changed(CustomerTimeline timeline) throws IOException {
        byte[] now = digestOf(timeline);
        if (MessageDigest.isEqual(now, digest.value())) {
            return false;
        }
        digest.update(now);
        return true;
    }

    /**
     * A version of every case as of {@code instant}, and the end there of each case sent before
     * that is not among them.
     */
    List<OpenCase> snapshot(long instant, List<CaseDraft> drafts) throws IOException {
        Map<String, String> before = sent.value() == null ? Map.of() : sent.value();
        Map<String, String> now = new HashMap<>();
        List<OpenCase> out = new ArrayList<>();
        for (CaseDraft draft : drafts) {
            CaseRecord row = draft.getCaseRow();
            String key = key(row);
            now.put(key, row.getBrand());
            out.add(new OpenCase(instant, key, row.getBrand(), row.getOpenedAt(), draft));
        }
        before.forEach(
                (key, brand) -> {
                    if (!now.containsKey(key)) {
                        out.add(end(instant, key, brand));
                    }
                });
        sent.update(now);
        return out;
    }

    /** The end, from {@code instant} on, of every case sent; forgets them. */
    List<OpenCase> endAll(long instant) throws IOException {
        List<OpenCase> out = new ArrayList<>();
        if (sent.value() != null) {
            sent.value().forEach((key, brand) -> out.add(end(instant, key, brand)));
        }
        clear();
        return out;
    }

    void clear() {
        sent.clear();
        digest.clear();
    }

    private static OpenCase end(long instant, String key, String brand) {
        long openedAt = Long.parseLong(key.substring(0, key.indexOf(SEPARATOR)));
        return new OpenCase(instant, key, brand, openedAt, null);
    }

    private byte[] digestOf(CustomerTimeline timeline) throws IOException {
        if (writer == null) {
            writer = new SpecificDatumWriter<>(CustomerTimeline.class);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        writer.write(timeline, encoder);
        encoder.flush();
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
