package io.playmark.kernel;

/** Content Playmark does not take, e.g. a program posing as an image: answered 415, saying what it is. */
public class UnsupportedContentException extends RuntimeException {

    public UnsupportedContentException(String message) {
        super(message);
    }
}
