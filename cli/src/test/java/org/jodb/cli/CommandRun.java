package org.jodb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code jodb} command in this JVM ({@link JodbCommand#run}) and what it printed.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = JodbCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** The oid dump printed for the record whose {@code field} line is {@code value}. */
    String oidOfRecordWith(String fieldLine) {
        int at = out.indexOf("\n  " + fieldLine + "\n");
        if (at < 0) {
            throw new AssertionError("no record with " + fieldLine + " in:\n" + out);
        }
        int start = out.lastIndexOf("\noid ", at) + "\noid ".length();
        return out.substring(start, out.indexOf(' ', start));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
