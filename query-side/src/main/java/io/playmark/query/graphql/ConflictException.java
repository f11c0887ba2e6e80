package io.playmark.query.graphql;

/** A write that contradicts what is already recorded. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
