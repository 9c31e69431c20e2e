package io.squeaky.ingest;

import io.squeaky.records.CaseEvent;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.Channel;
import io.squeaky.records.TicketStatus;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Builds a ticket event from its text fields, the same way for CSV and JSON lines, and says what is
 * wrong when it cannot.
 */
final class ServiceDeskFields {

    private ServiceDeskFields() {}

    /** The event, or throws IllegalArgumentException with the reason. */
    static CaseEvent event(
            String ticketId,
            String brand,
            String customerId,
            String socialHandle,
            String channel,
            String eventType,
            String status,
            String occurredAt,
            List<String> postIds,
            String format,
            long position) {
        CaseEventType type = eventType(eventType);
        TicketStatus ticketStatus = status(status);
        if (type == CaseEventType.STATUS_CHANGE && ticketStatus == null) {
            throw new IllegalArgumentException("STATUS_CHANGE without a status");
        }
        return CaseEvent.newBuilder()
                .setTicketId(required("ticket_id", ticketId))
                .setBrand(required("brand", brand))
                .setCustomerId(required("customer_id", customerId))
                .setSocialHandle(handle(socialHandle))
                .setChannel(channel(channel))
                .setEventType(type)
                .setStatus(ticketStatus)
                .setOccurredAt(instant(occurredAt))
                .setPostIds(postIds.stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
                .setSourceFormat(format)
                .setPosition(position)
                .build();
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return value.strip();
    }

    private static String handle(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String h = value.strip();
        return h.startsWith("@") ? h.substring(1) : h;
    }

    private static Channel channel(String value) {
        try {
            return Channel.valueOf(required("channel", value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel '" + value + "'", e);
        }
    }

    private static CaseEventType eventType(String value) {
        try {
            return CaseEventType.valueOf(required("event_type", value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown event_type '" + value + "'", e);
        }
    }

    private static TicketStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.valueOf(
                    value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status '" + value + "'", e);
        }
    }

    private static long instant(String value) {
        try {
            return OffsetDateTime.parse(required("occurred_at", value)).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "occurred_at is not an ISO-8601 instant: '" + value + "'", e);
        } catch (ArithmeticException e) {
            // Years beyond ±292 million parse but overflow epoch millis.
            throw new IllegalArgumentException("occurred_at out of range: '" + value + "'", e);
        }
    }
}
