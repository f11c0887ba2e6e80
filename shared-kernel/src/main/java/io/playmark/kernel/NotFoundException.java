package io.playmark.kernel;

/** Something a client asked for by its id does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
