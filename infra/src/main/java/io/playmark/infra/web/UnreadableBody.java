package io.playmark.infra.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What was wrong with a request body that could not be read, in the caller's terms: the JSON path of
 * the field (e.g. {@code roles[0]}), the value found, and what was expected; never a Java class name.
 */
record UnreadableBody(String field, Object value, String detail) {

    static UnreadableBody of(HttpMessageNotReadableException e) {
        return switch (e.getMostSpecificCause()) {
            case InvalidFormatException invalid -> {
                String field = path(invalid);
                yield new UnreadableBody(field, invalid.getValue(),
                        "%s: '%s' is not %s".formatted(field, invalid.getValue(), expected(invalid.getTargetType())));
            }
            case UnrecognizedPropertyException unknown -> new UnreadableBody(path(unknown), null,
                    "%s is not a known field".formatted(path(unknown)));
            case MismatchedInputException mismatched -> new UnreadableBody(path(mismatched), null,
                    "%s: expected %s".formatted(path(mismatched), expected(mismatched.getTargetType())));
            case StreamReadException malformed -> new UnreadableBody(null, null,
                    "The request body is not valid JSON (line %d, column %d)".formatted(
                            malformed.getLocation().getLineNr(), malformed.getLocation().getColumnNr()));
            default -> new UnreadableBody(null, null, "The request body is missing or cannot be read as JSON");
        };
    }

    /** The JSON path of the failing value: {@code name}, {@code roles[0]}, {@code items[2].id}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return type == String.class ? "a string" : "an object";
    }
}
