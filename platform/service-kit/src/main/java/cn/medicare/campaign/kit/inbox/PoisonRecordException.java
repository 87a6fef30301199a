package cn.medicare.campaign.kit.inbox;

/**
 * A record that can never be applied (no event id, not JSON, not the shape of its type):
 * retrying it is pointless, so it goes straight to the dead-letter topic.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
