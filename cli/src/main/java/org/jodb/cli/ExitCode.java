package org.jodb.cli;

import java.nio.file.NoSuchFileException;
import org.jodb.storage.file.DamagedFileException;
import org.jodb.storage.file.NewerFormatException;
import org.jodb.storage.file.NotAStorageFileException;
import org.jodb.storage.file.RevisionOverwrittenException;
import org.jodb.storage.file.StorageLockedException;
import org.jodb.storage.file.VerifyFailedException;

/**
 * The exit codes of the {@code jodb} command, one per kind of outcome, so scripts can tell them
 * apart; listed in the command's help ({@link #HELP}).
 */
enum ExitCode {
    OK(0, "success (verify: the file is sound)"),
    DAMAGED(1, "the file is damaged: truncated, or pages fail their checks (verify lists the damaged"
            + " pages and the oids they hold)"),
    USAGE(2, "bad command line: unknown command or option, missing or malformed argument"),
    NO_FILE(3, "the file does not exist (or the copy's target already does)"),
    NOT_JODB(4, "the file is not a jodb storage file"),
    NEWER_FORMAT(5, "the file has a newer storage format than this jodb reads"),
    LOCKED(6, "the file is open in another process (its lock is held): gc and compact need the file to"
            + " themselves; the other commands read it read-only, and fail so if the process overwrites the"
            + " revision they read"),
    NOT_FOUND(7, "no such object (oid) or revision in the file"),
    FAILED(8, "any other failure (input/output error...): run with --verbose for the details"),
    INTERRUPTED(130, "interrupted (Ctrl-C); the file is left intact");

    /** The exit code list for picocli's help, {@code code:description} per line. */
    static final String[] HELP = help();

    final int code;
    final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The exit code for a failure of a command. */
    static ExitCode of(Throwable failure) {
        if (failure instanceof CommandFailure command) {
            return command.exitCode;
        }
        if (failure instanceof StorageLockedException || failure instanceof RevisionOverwrittenException) {
            return LOCKED;
        }
        if (failure instanceof NotAStorageFileException) {
            return NOT_JODB;
        }
        if (failure instanceof NewerFormatException) {
            return NEWER_FORMAT;
        }
        if (failure instanceof DamagedFileException || failure instanceof VerifyFailedException) {
            return DAMAGED;
        }
        if (failure instanceof NoSuchFileException) {
            return NO_FILE;
        }
        return FAILED;
    }

    private static String[] help() {
        ExitCode[] codes = values();
        String[] lines = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            lines[i] = codes[i].code + ":" + codes[i].meaning;
        }
        return lines;
    }
}
