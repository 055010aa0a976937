package org.jodb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jodb.storage.file.FileStorage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A subcommand on one storage file (its first parameter): opens it, runs, closes it, and returns
 * its exit code. Failures propagate to {@link JodbCommand}, which prints them as one line.
 */
abstract class FileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The jodb storage file.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try (FileStorage storage = writes() ? StorageFiles.open(file)
                : StorageFiles.openForReading(file, err(), "jodb " + spec.name() + ": ")) {
            ExitCode code = run(storage, out());
            out().flush();
            return code.code;
        }
    }

    /**
     * Whether the command writes the file: then it needs the file's lock; else a file another
     * process holds is read read-only, at its newest durable revision.
     */
    boolean writes() {
        return false;
    }

    /** The command's work on the open storage. */
    abstract ExitCode run(FileStorage storage, PrintWriter out);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
