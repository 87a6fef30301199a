package cn.medicare.campaign.contracts.events;

/**
 * A value a contract record refuses, naming its field, so that an API answer can point at it
 * ({@code extensions[0].appliesTo}) without quoting the value.
 */
public final class InvalidValue extends IllegalArgumentException {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
