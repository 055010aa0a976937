package org.jodb.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a class's {@code main} in a new JVM like this one: the same Java, the
 * JVM flags the build passes to tests ({@code jodb.jvm.flags}) and the same class path. Crash,
 * lock and creation tests start child JVMs with it.
 */
public final class JavaCommand {
    private JavaCommand() {
    }

    /** {@code java <flags> -cp <class path> <main> <arguments...>}. */
    public static List<String> running(Class<?> main, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : System.getProperty("jodb.jvm.flags", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(arguments));
        return command;
    }
}
