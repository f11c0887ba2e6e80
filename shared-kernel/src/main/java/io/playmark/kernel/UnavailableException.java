package io.playmark.kernel;

/** This instance cannot do what was asked now, though another instance, or a later try, can. */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message) {
        super(message);
    }
}
