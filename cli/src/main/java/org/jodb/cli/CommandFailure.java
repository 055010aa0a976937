package org.jodb.cli;

/**
 * A command could not do what was asked; its message is the one line the command prints, its
 * {@link ExitCode} what the process returns.
 */
final class CommandFailure extends RuntimeException {
    final transient ExitCode exitCode;

    CommandFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CommandFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }
}
