package io.squeaky.cases;

import io.squeaky.records.BrandAttribution;
import io.squeaky.records.CaseEvent;
import io.squeaky.records.TimelineItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of one case in the making: its customer posts, brand replies, amplifications, events.
 */
final class CaseParts {

    final String brand;
    final BrandAttribution how;
    final String ticketId;
    final List<TimelineItem> customer = new ArrayList<>();
    final List<TimelineItem> brandPosts = new ArrayList<>();
    final List<TimelineItem> amplifications = new ArrayList<>();
    final List<CaseEvent> events = new ArrayList<>();
    TimelineItem opener;
    long lastActivity = Long.MIN_VALUE;

    CaseParts(String brand, BrandAttribution how, String ticketId) {
        this.brand = brand;
        this.how = how;
        this.ticketId = ticketId;
    }

    void add(TimelineItem item) {
        if (Timeline.isCustomerPost(item)) {
            customer.add(item);
        } else if (Timeline.isBrandPost(item)) {
            brandPosts.add(item);
        } else if (item.getAmplifies()) {
            amplifications.add(item);
            return;
        } else {
            events.add(item.getCaseEvent());
        }
        if (opener == null || Timeline.ORDER.compare(item, opener) < 0) {
            opener = item;
        }
        lastActivity = Math.max(lastActivity, Timeline.time(item));
    }

    boolean isTicket() {
        return ticketId != null;
    }

    long firstEventAt() {
        return events.get(0).getOccurredAt();
    }

    long lastEventAt() {
        return events.get(events.size() - 1).getOccurredAt();
    }
}
