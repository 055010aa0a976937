package org.jodb;

/** A stored record names a class that cannot be loaded (no longer on the classpath). */
public class UnknownClassException extends JodbException {
    private final String className;

    public UnknownClassException(String className, String context, Throwable cause) {
        super("class " + className + " is not on the classpath (" + context + ")", cause);
        this.className = className;
    }

    /** The missing class's name. */
    public String className() {
        return className;
    }
}
