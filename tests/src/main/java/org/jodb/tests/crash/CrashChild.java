package org.jodb.tests.crash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The program a crash test starts in a child JVM and kills: {@code CrashChild <workload class>
 * <file>} runs {@link CrashWorkload#commitUntilKilled} and prints its acknowledgements on stdout.
 * It halts by itself when its standard input closes, so a parent that dies leaves no child
 * committing forever.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CrashChild <workload class> <file>");
            System.exit(2);
        }
        CrashWorkload workload = (CrashWorkload) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        haltWhenParentGoes(System.in);
        workload.commitUntilKilled(Path.of(args[1]), new Acknowledgements(System.out));
    }

    private static void haltWhenParentGoes(InputStream parent) {
        Thread watcher = new Thread(() -> {
            try {
                while (parent.read() >= 0) {
                    // the parent never writes; reading only waits for end of stream
                }
            } catch (IOException e) {
                // a broken pipe means the same as end of stream
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
