package org.jodb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Who holds the lock on a file, as far as the operating system tells: on Linux the process id in
 * {@code /proc/locks} and its command line. Best effort: elsewhere, or when the lock was taken on
 * another machine of a network file system, nothing is known.
 */
final class LockHolder {
    private static final Path LOCKS = Path.of("/proc/locks");
    private static final int MAX_COMMAND_LINE = 120;

    private LockHolder() {
    }

    /** "process 1234 (java -jar app.jar)", or null when it cannot be told. */
    static String describe(Path file) {
        try {
            if (!Files.isReadable(LOCKS)) {
                return null;
            }
            long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
            List<String> lines = Files.readAllLines(LOCKS, StandardCharsets.US_ASCII);
            for (String line : lines) {
                // "1: POSIX  ADVISORY  WRITE 1234 08:02:5505 0 EOF"; blocked waiters start with "->"
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 6 || fields[1].equals("->")) {
                    continue;
                }
                String[] device = fields[5].split(":");
                if (device.length == 3 && Long.parseLong(device[2]) == inode) {
                    String pid = fields[4];
                    return "process " + pid + commandLine(pid);
                }
            }
            return null;
        } catch (IOException | RuntimeException unknown) {
            return null; // not Linux, no unix attributes, or an unexpected line: say nothing
        }
    }

    private static String commandLine(String pid) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", pid, "cmdline"));
            // arguments are separated by NULs and may hold newlines: one line, single spaces
            String line = new String(bytes, StandardCharsets.UTF_8).replaceAll("[\\s\\x00]+", " ").trim();
            if (line.isEmpty()) {
                return "";
            }
            return " (" + (line.length() > MAX_COMMAND_LINE ? line.substring(0, MAX_COMMAND_LINE) + "..." : line) + ")";
        } catch (IOException | RuntimeException unknown) {
            return "";
        }
    }
}
