package io.playmark.kernel;

/**
 * A value that breaks one of the domain's rules, named by the field it came from so that an API can
 * point the client at the input to fix.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
