package cn.medicare.campaign.kit.outbox;

/** A payload that would have published a plain ID number: a defect of ours, never of the caller. */
public class PlainIdNumberException extends IllegalStateException {

    PlainIdNumberException(String type) {
        super("refused to publish a " + type + " whose payload holds a plain ID number (EVENTS.md, personal data on the bus)");
    }
}
