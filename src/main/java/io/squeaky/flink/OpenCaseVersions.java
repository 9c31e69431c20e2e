package io.squeaky.flink;

import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.OpenCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * One customer's side of the open cases' versions: which of the session's cases were last sent, and
 * the revision of the timeline they were built from. A session's cases are a function of its
 * timeline, so an unchanged timeline means unchanged cases and nothing to send; a changed one sends
 * every case again, and the end of each case sent before and gone now.
 *
 * <p>State: the keys sent (with each case's brand, for routing its end) and the revision, both
 * cleared when the session closes.
 */
final class OpenCaseVersions {

    private static final char SEPARATOR = '\n';

    private final ValueState<Map<String, String>> sent;
    private final ValueState<Long> revision;

    OpenCaseVersions(RuntimeContext context) {
        this.sent =
                context.getState(
                        new ValueStateDescriptor<>(
                                "open-cases-sent", Types.MAP(Types.STRING, Types.STRING)));
        this.revision =
                context.getState(
                        new ValueStateDescriptor<>("open-cases-timeline-revision", Types.LONG));
    }

    /** The identity of a case among its window's open cases. */
    static String key(CaseRecord row) {
        return row.getOpenedAt() + String.valueOf(SEPARATOR) + row.getCaseId();
    }

    /** Whether the timeline differs from the one the last versions were built from. */
    boolean changed(CustomerTimeline timeline) throws IOException {
        Long sentRevision = revision.value();
        return sentRevision == null || sentRevision != timeline.getRevision();
    }

    /**
     * A version of every case of the timeline's drafts as of {@code instant}, and the end there of
     * each case sent before that is not among them.
     */
    List<OpenCase> snapshot(long instant, CustomerTimeline timeline, List<CaseDraft> drafts)
            throws IOException {
        revision.update(timeline.getRevision());
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
        revision.clear();
    }

    private static OpenCase end(long instant, String key, String brand) {
        long openedAt = Long.parseLong(key.substring(0, key.indexOf(SEPARATOR)));
        return new OpenCase(instant, key, brand, openedAt, null);
    }
}
