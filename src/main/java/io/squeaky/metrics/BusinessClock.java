package io.squeaky.metrics;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.CaseIntervalRow;
import java.time.Instant;
import java.util.List;

/**
 * The business clock of one follow-up's {@code case_intervals} rows: the brand's open seconds from
 * the open to each interval's start and stop. An interval while the desk is closed takes no
 * business time and gets no business columns (R and lifelines drop such rows as missing). An event
 * while the desk is closed happens, on this clock, at the business time it follows: the last
 * interval that took business time carries it. The last stop is the {@code cases} row's own
 * business time to the event or censoring, so the business rows tile {@code (0, that time]}.
 */
final class BusinessClock {

    private BusinessClock() {}

    /**
     * Fills the business columns of {@code rows}, one follow-up's intervals in time order; {@code
     * businessToEnd} null (no schedule known) leaves them null.
     */
    static void onto(
            List<CaseIntervalRow> rows,
            long openedAtMillis,
            Long businessToEnd,
            BusinessSchedule desk) {
        if (rows.isEmpty() || businessToEnd == null) {
            return;
        }
        Instant opened = Instant.ofEpochMilli(openedAtMillis);
        long millis = 0;
        long before = 0;
        CaseIntervalRow lastWithTime = null;
        for (int i = 0; i < rows.size(); i++) {
            CaseIntervalRow row = rows.get(i);
            long after;
            if (i == rows.size() - 1) {
                after = businessToEnd;
            } else {
                millis +=
                        desk.businessMillis(
                                opened.plusSeconds(row.getStartSeconds()),
                                opened.plusSeconds(row.getStopSeconds()));
                after = Math.floorDiv(millis, 1000L);
            }
            if (after > before) {
                row.setBusinessStartSeconds(before);
                row.setBusinessStopSeconds(after);
                row.setBusinessEvent(false);
                lastWithTime = row;
            }
            before = Math.max(before, after);
        }
        if (rows.get(rows.size() - 1).getEvent() && lastWithTime != null) {
            lastWithTime.setBusinessEvent(true);
        }
    }
}
