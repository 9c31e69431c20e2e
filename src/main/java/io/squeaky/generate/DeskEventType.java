package io.squeaky.generate;

/**
 * Event types of the service-desk export, in the order two events of one ticket at the same second
 * are written.
 */
enum DeskEventType {
    OPENED,
    CUSTOMER_CONTACT,
    AGENT_REPLY,
    STATUS_CHANGE,
    RESOLVED,
    REOPENED,
    CLOSED
}
