package io.playmark.kernel;

/** Content over a configured limit (bytes, or pixels for an image): answered 413 with the limit. */
public class ContentTooLargeException extends RuntimeException {

    public ContentTooLargeException(String message) {
        super(message);
    }
}
