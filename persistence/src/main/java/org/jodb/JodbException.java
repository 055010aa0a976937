package org.jodb;

/** The root of jodb's unchecked exceptions. */
public class JodbException extends RuntimeException {
    public JodbException(String message) {
        super(message);
    }

    public JodbException(String message, Throwable cause) {
        super(message, cause);
    }
}
