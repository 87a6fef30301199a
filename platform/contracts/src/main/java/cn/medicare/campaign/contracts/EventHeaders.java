package cn.medicare.campaign.contracts;

/**
 * Kafka record header names. They follow the CloudEvents attribute names so that a CloudEvents
 * binding can read our records without a mapping.
 */
public final class EventHeaders {

    /** UUID unique per event: consumers deduplicate on it. */
    public static final String ID = "id";
    /** Event type name, e.g. {@code PersonEnrolled}. */
    public static final String TYPE = "type";
    /** Name of the service that produced the event. */
    public static final String SOURCE = "source";
    /** ISO-8601 instant when the fact happened (not when it was published). */
    public static final String TIME = "time";
    /** Integer version of the payload schema. */
    public static final String SCHEMA_VERSION = "schemaVersion";

    private EventHeaders() {
    }
}
