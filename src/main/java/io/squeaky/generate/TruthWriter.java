package io.squeaky.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Writes truth/cases.jsonl: per ticket, what was planted and the clocks the data defines. */
final class TruthWriter implements Closeable {

    private final LineWriter out;
    private final StringBuilder line = new StringBuilder(2048);
    private final IsoTimestamps timestamps = new IsoTimestamps();

    TruthWriter(Path file) throws IOException {
        this.out = new LineWriter(file);
    }

    /**
     * @param eventsWritten the ticket's desk events in the data (noise not counted)
     * @param tweetsWritten the case's tweets in the data (noise not counted)
     * @param resolutionCensored whether the planted full resolution lies beyond the data
     */
    void write(
            CaseScript script,
            DeskBrand brand,
            CaseClocks clocks,
            int eventsWritten,
            int tweetsWritten,
            boolean resolutionCensored) {
        line.setLength(0);
        line.append('{');
        text(line, "ticket_id", script.ticketId());
        text(line, "brand", brand.name());
        text(line, "customer_id", script.customerId());
        text(line, "social_handle", script.socialHandle());
        text(line, "author_id", script.socialHandle() == null ? null : script.customer().id());
        text(line, "first_channel", script.firstChannel().exportName());
        flag(line, "escalation_planned", script.wouldEscalate());
        flag(line, "escalated", script.escalated());
        flag(line, "storm", script.arrival().storm());
        flag(line, "off_hours", script.offHours());
        number(line, "followers", script.customer().followers());
        line.append("\"fixed_hazard_ratio\":").append(script.fixedHazardRatio()).append(',');
        flag(line, "reopen_planted", script.reopened());
        instant(line, "opened_at", clocks.openedAt());
        instant(line, "escalated_at", clocks.escalatedAt());
        instant(line, "first_reply_at", clocks.firstReplyAt());
        instant(line, "first_resolution_at", clocks.firstResolutionAt());
        instant(line, "full_resolution_at", clocks.fullResolutionAt());
        duration(line, "first_reply", clocks.firstReply());
        duration(line, "first_resolution", clocks.firstResolution());
        duration(line, "full_resolution", clocks.fullResolution());
        duration(line, "requester_wait", clocks.requesterWait());
        number(line, "reopens", clocks.reopens());
        duration(line, "wait_before_escalation", clocks.waitBeforeEscalation());
        duration(line, "escalation_to_first_reply", clocks.escalationToFirstReply());
        duration(line, "escalation_to_resolution", clocks.escalationToResolution());
        number(line, "true_resolution_seconds", script.resolutionSeconds());
        flag(line, "resolution_censored", resolutionCensored);
        number(line, "desk_events", eventsWritten);
        number(line, "tweets", tweetsWritten);
        line.setCharAt(line.length() - 1, '}');
        out.line(line);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static void text(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            json.append("null");
        } else {
            Json.appendQuoted(json, value);
        }
        json.append(',');
    }

    private static void flag(StringBuilder json, String name, boolean value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }

    private static void number(StringBuilder json, String name, long value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }

    private void instant(StringBuilder json, String name, Long epochSecond) {
        json.append('"').append(name).append("\":");
        if (epochSecond == null) {
            json.append("null");
        } else {
            json.append('"');
            timestamps.appendSeconds(json, epochSecond);
            json.append('"');
        }
        json.append(',');
    }

    /** {@code <name>_seconds} and {@code <name>_business_seconds}, both null when undefined. */
    private static void duration(StringBuilder json, String name, CaseClocks.Duration value) {
        json.append('"').append(name).append("_seconds\":");
        json.append(value == null ? "null" : String.valueOf(value.seconds()));
        json.append(",\"").append(name).append("_business_seconds\":");
        json.append(value == null ? "null" : String.valueOf(value.businessSeconds()));
        json.append(',');
    }
}
