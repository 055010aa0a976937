package org.jodb.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jodb.JodbException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code jodb} command: inspect, verify, collect, compact and copy jodb storage files.
 * {@link #main} is the entry point of the runnable jar; {@link #run} runs it in-process (tests).
 *
 * <p>Every failure is one line on standard error naming what is wrong, and a distinct
 * {@link ExitCode}; the stack trace only with {@code --verbose}.
 */
@Command(name = "jodb", mixinStandardHelpOptions = true, versionProvider = JodbVersion.class,
        description = "Inspects, verifies, collects, compacts and copies jodb storage files.",
        subcommands = {InfoCommand.class, VerifyCommand.class, StatsCommand.class, DumpCommand.class,
                HistoryCommand.class, GcCommand.class, CompactCommand.class, CopyCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n", usageHelpAutoWidth = true)
public final class JodbCommand implements Runnable {
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace too.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: say which (jodb help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        JodbCommand root = new JodbCommand();
        CommandLine line = new CommandLine(root);
        line.setOut(out);
        line.setErr(err);
        line.getCommandSpec().usageMessage().exitCodeList(exitCodes());
        for (CommandLine sub : line.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true);
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes());
        }
        line.setParameterExceptionHandler((failure, parsed) -> {
            CommandLine command = failure.getCommandLine();
            String name = command.getCommandSpec().qualifiedName(" ");
            err.println(name + ": " + failure.getMessage().replace('\n', ' ') + " (" + name.replace("jodb", "jodb help")
                    .replace("help help", "help") + " shows the usage)");
            err.flush();
            return ExitCode.USAGE.code;
        });
        line.setExecutionExceptionHandler((failure, command, parsed) -> {
            err.println("jodb " + command.getCommandName() + ": " + oneLine(failure));
            if (root.verbose) {
                failure.printStackTrace(err);
            }
            err.flush();
            return ExitCode.of(failure).code;
        });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String entry : ExitCode.HELP) {
            int colon = entry.indexOf(':');
            codes.put(String.format("%4s", entry.substring(0, colon)), entry.substring(colon + 1));
        }
        return codes;
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        if (!(failure instanceof CommandFailure) && !(failure instanceof JodbException)) {
            message = failure.getClass().getSimpleName() + ": " + message;
        }
        return message.replace('\n', ' ');
    }
}
