package org.jodb.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jodb.tests.JavaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One transaction writes a {@code BigArray} larger than the heap of the JVM it runs in
 * ({@code -Xmx256m}): {@code jodb.test.oneTransactionBytes} bytes (512 MiB from the build, 2 GiB with
 * {@code -Psoak}; {@value #DEFAULT_BYTES} when run without it), in a child JVM
 * ({@link OneTransactionArray}). The commit succeeds, the values check, and no spill file is left.
 */
class OneTransactionArrayTest {
    /** 2 GiB. */
    static final long DEFAULT_BYTES = 2L << 30;

    @TempDir
    Path dir;

    @Test
    void oneTransactionWritesMoreThanTheHeapAndCommits() throws IOException, InterruptedException {
        long total = Long.getLong("jodb.test.oneTransactionBytes", DEFAULT_BYTES);
        Path spill = Files.createDirectory(dir.resolve("spill"));
        List<String> command = JavaCommand.running(OneTransactionArray.class, Long.toString(total),
                dir.resolve("array.jodb").toString(), spill.toString());
        command.add(1, "-Xmx256m");
        Path output = dir.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(child.waitFor(15, TimeUnit.MINUTES), "the child finishes");
        String printed = Files.readString(output);
        System.out.print(printed);
        assertEquals(0, child.exitValue(), printed);
        assertTrue(printed.contains("[one-transaction] values check"), printed);
        assertTrue(printed.contains("spill file deleted after the commit"), printed);
    }
}
