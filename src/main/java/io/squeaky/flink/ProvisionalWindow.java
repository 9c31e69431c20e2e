package io.squeaky.flink;

import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.OpenCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.TimerService;

/**
 * The provisional side of a statistics window (items {@code C} of closed cases): which items make
 * the window's figures as of a provisional instant, and the timers that compute them only when they
 * changed. A window's figures as of an instant are those of the cases closed by then and of the
 * cases still open then, each censored at the instant.
 *
 * <p>Open cases come as versions ({@link OpenCase}): case assembly sends a case again only when its
 * session changed, and its end when it is no longer open. The window keeps each case's latest
 * version and censors it at every instant it holds for, so a case open for days crosses the network
 * once per change instead of once per instant. The figures are computed at an instant when a case
 * of the window is open then, or when a closed case or a passed instant asked for it (a timer is
 * set at the first instant after each closed case arrives); never at or after the window's final
 * firing. Instants without either would repeat the previous figures. While a case is open a timer
 * waits at the next instant.
 *
 * <p>A closed case can arrive before the watermark has passed an earlier provisional instant (the
 * watermark upstream ran ahead): it is noted as closed after that instant, so that the instant's
 * figures count it through its open version, as a run cut there does.
 *
 * <p>State: the open versions, each dropped once a later one holds or the case's end has passed;
 * the instants asked for, each dropped when its timer fires; the cases closed ahead of the
 * watermark, dropped once no pending instant precedes them; all cleared when the window goes final.
 */
final class ProvisionalWindow<C> {

    private final ProvisionalSchedule schedule;
    private final BiFunction<CaseDraft, Long, List<C>> censor;
    private final Function<C, String> caseId;
    private final MapState<String, List<OpenCase>> open;
    private final MapState<Long, Boolean> asked;
    private final MapState<String, Long> closedAhead;

    /**
     * @param censor the window's items of an open case's version censored at an instant
     */
    ProvisionalWindow(
            RuntimeContext context,
            ProvisionalSchedule schedule,
            BiFunction<CaseDraft, Long, List<C>> censor,
            Function<C, String> caseId) {
        this.schedule = schedule;
        this.censor = censor;
        this.caseId = caseId;
        this.open =
                context.getMapState(
                        new MapStateDescriptor<>(
                                "open-versions",
                                Types.STRING,
                                Types.LIST(new AvroTypeInfo<>(OpenCase.class))));
        this.asked =
                context.getMapState(
                        new MapStateDescriptor<>("asked-instants", Types.LONG, Types.BOOLEAN));
        this.closedAhead =
                context.getMapState(
                        new MapStateDescriptor<>("closed-ahead", Types.STRING, Types.LONG));
    }

    /** A closed case's item arrived with the event time it closed at. */
    void closed(C closed, Long closedAt, long firesAt, TimerService timers) throws Exception {
        if (!schedule.ticks() || closedAt == null) {
            return;
        }
        long watermark = timers.currentWatermark();
        long tick = schedule.tickAtOrAfter(Math.max(closedAt, watermark + 1));
        if (tick < firesAt) {
            ask(tick, timers);
        }
        if (schedule.tickAfter(watermark) < closedAt) {
            closedAhead.put(caseId.apply(closed), closedAt);
        }
    }

    /** A version of an open case, or its end, kept only if it holds before the final firing. */
    void open(OpenCase version, long firesAt, TimerService timers) throws Exception {
        long at = version.getAsOf();
        if (at >= firesAt) {
            return;
        }
        String key = version.getCaseKey();
        List<OpenCase> versions = open.get(key);
        List<OpenCase> updated = versions == null ? new ArrayList<>() : new ArrayList<>(versions);
        updated.add(version);
        open.put(key, updated);
        if (at > timers.currentWatermark()) {
            timers.registerEventTimeTimer(at);
        }
    }

    /**
     * Whether to compute the figures as of a provisional instant whose timer fires now: not when
     * the watermark has already passed a later instant, as when the job catches up on a backlog or
     * the input ends. The window then computes once, as of the latest instant passed (its timer is
     * set there and fires in the same advance of the watermark), and the instants in between get no
     * rows of it: a replay at a high speed-up pays for the instants it shows, not for every one it
     * passes.
     */
    boolean due(long instant, long firesAt, TimerService timers) throws Exception {
        long latest = schedule.tickAtOrBefore(timers.currentWatermark());
        if (latest <= instant) {
            return true;
        }
        if (latest < firesAt) {
            ask(latest, timers);
        }
        return false;
    }

    /**
     * What a provisional timer found at its instant: whether the window computes there, the closed
     * items that count and the open cases' versions holding there.
     */
    record AsOf<C>(
            boolean computes, List<C> closed, List<CaseDraft> open, List<List<C>> censored) {}

    /** The window's items as of the instant: the closed ones, and the open ones censored there. */
    List<C> items(long instant, AsOf<C> asOf) {
        List<C> items = new ArrayList<>(asOf.closed());
        for (int i = 0; i < asOf.open().size(); i++) {
            items.addAll(
                    i < asOf.censored().size()
                            ? asOf.censored().get(i)
                            : censor.apply(asOf.open().get(i), instant));
        }
        return items;
    }

    /**
     * What counts as of a provisional instant whose timer fires now: the closed cases, less those
     * closed after it, and the open cases' versions holding at it. The window computes there when a
     * case is open at the instant or the instant was asked for. Drops the state the instant no
     * longer needs and keeps a timer at the next instant while a case is open.
     */
    AsOf<C> asOf(long instant, long firesAt, Iterable<C> closed, TimerService timers)
            throws Exception {
        boolean wasAsked = asked.contains(instant);
        asked.remove(instant);
        Set<String> closedLater = new HashSet<>();
        long nextTick = schedule.tickAfter(instant);
        Iterator<Map.Entry<String, Long>> ahead = closedAhead.iterator();
        while (ahead.hasNext()) {
            Map.Entry<String, Long> entry = ahead.next();
            if (entry.getValue() > instant) {
                closedLater.add(entry.getKey());
            }
            if (entry.getValue() <= nextTick) {
                ahead.remove();
            }
        }
        List<C> items = new ArrayList<>();
        for (C c : closed) {
            if (!closedLater.contains(caseId.apply(c))) {
                items.add(c);
            }
        }
        List<CaseDraft> holdingDrafts = new ArrayList<>();
        // In key order, so that the items come in the same order however the state iterates.
        TreeMap<String, List<OpenCase>> byKey = new TreeMap<>();
        for (Map.Entry<String, List<OpenCase>> entry : open.entries()) {
            byKey.put(entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, List<OpenCase>> entry : byKey.entrySet()) {
            OpenCase holding = null;
            List<OpenCase> kept = new ArrayList<>();
            for (OpenCase version : entry.getValue()) {
                if (version.getAsOf() <= instant) {
                    holding = version;
                } else {
                    kept.add(version);
                }
            }
            if (holding != null && holding.getDraft() != null) {
                holdingDrafts.add(holding.getDraft());
                kept.add(0, holding);
            }
            if (kept.isEmpty()) {
                open.remove(entry.getKey());
            } else if (kept.size() != entry.getValue().size()) {
                open.put(entry.getKey(), kept);
            }
        }
        if (!holdingDrafts.isEmpty() && nextTick < firesAt) {
            timers.registerEventTimeTimer(nextTick);
        }
        // An open case counts at an instant where it has items (a case that opened at the very
        // instant has no interval yet): censor until one has, keeping what was censored.
        List<List<C>> censored = new ArrayList<>();
        boolean openWithItems = false;
        if (!wasAsked) {
            for (CaseDraft draft : holdingDrafts) {
                List<C> some = censor.apply(draft, instant);
                censored.add(some);
                if (!some.isEmpty()) {
                    openWithItems = true;
                    break;
                }
            }
        }
        return new AsOf<>(wasAsked || openWithItems, items, holdingDrafts, censored);
    }

    void clear() {
        open.clear();
        asked.clear();
        closedAhead.clear();
    }

    private void ask(long instant, TimerService timers) throws Exception {
        asked.put(instant, true);
        timers.registerEventTimeTimer(instant);
    }
}
