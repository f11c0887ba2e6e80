package io.playmark.kernel;

/** A write that contradicts what is already recorded, e.g. re-creating an id with other values. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
