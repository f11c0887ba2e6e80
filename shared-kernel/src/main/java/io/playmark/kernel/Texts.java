package io.playmark.kernel;

/** Checks shared by the value objects that hold a person-entered text. */
public final class Texts {

    private Texts() {
    }

    /** Returns the text stripped of surrounding white space, or fails when it is blank or too long. */
    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidValueException(field,
                    field + " must be at most " + maxLength + " characters, was " + stripped.length());
        }
        return stripped;
    }
}
