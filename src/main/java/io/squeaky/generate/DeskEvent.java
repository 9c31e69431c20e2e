package io.squeaky.generate;

/**
 * One service-desk event of a ticket, as one CSV row of desk/events.csv.
 *
 * @param socialHandle the customer's username when the desk knows it, else null
 * @param status the status the event carries, or null
 * @param postIds tweet ids joined by {@code ;}, or null
 */
record DeskEvent(
        String ticketId,
        String brand,
        String customerId,
        String socialHandle,
        DeskChannel channel,
        DeskEventType type,
        String status,
        long time,
        String postIds)
        implements Timed {

    static final String CSV_HEADER =
            "ticket_id,brand,customer_id,social_handle,channel,event_type,status,occurred_at,post_ids";

    void appendCsv(StringBuilder row, IsoTimestamps timestamps) {
        row.append(ticketId)
                .append(',')
                .append(brand)
                .append(',')
                .append(customerId)
                .append(',')
                .append(socialHandle == null ? "" : socialHandle)
                .append(',')
                .append(channel.exportName())
                .append(',')
                .append(type.name())
                .append(',')
                .append(status == null ? "" : status)
                .append(',');
        timestamps.appendSeconds(row, time);
        row.append(',').append(postIds == null ? "" : postIds);
    }
}
