package org.jodb.enhance;

/**
 * A {@code @Persistent} class that the enhancer rejects, with a message naming the class, the
 * offending member and the fix. It fails the build, or, under {@link EnhancementAgent}, is
 * reported on standard error without a stack trace since the message says everything.
 */
final class UnsupportedPersistentClassException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    UnsupportedPersistentClassException(String message) {
        super(message);
    }
}
