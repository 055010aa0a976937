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
 * Streams a chunked BigFile, and a BigArray of doubles in one, far larger than the heap through a
 * handle in a JVM with {@code -Xmx256m}: {@code jodb.test.streamBytes} bytes (1 GiB from the build, 2 GiB with
 * {@code -Psoak}; {@value #DEFAULT_BYTES} when run without it) written then read sequentially, a
 * heap profile every eighth of it ({@link BigFileStreaming}). It completes, the bytes check, and
 * the cache's retained bytes and its chunk, bucket and block objects stay flat. With the chunk
 * trees ghosted by plain deactivation of their chunks instead of deep deactivation, it fails (the
 * counts grow with every block written).
 */
class BigFileStreamingTest {
    /** 2 GiB. */
    static final long DEFAULT_BYTES = 2L << 30;

    @TempDir
    Path dir;

    @Test
    void streamingAFileLargerThanTheHeapKeepsTheCacheFlat() throws IOException, InterruptedException {
        stream("file");
    }

    @Test
    void streamingABigArrayLargerThanTheHeapKeepsTheCacheFlat() throws IOException, InterruptedException {
        stream("array");
    }

    private void stream(String mode) throws IOException, InterruptedException {
        long total = Long.getLong("jodb.test.streamBytes", DEFAULT_BYTES);
        List<String> command = JavaCommand.running(BigFileStreaming.class, Long.toString(total),
                Long.toString(total / 8), dir.resolve("stream.jodb").toString(), mode);
        command.add(1, "-Xmx256m");
        Path output = dir.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(child.waitFor(15, TimeUnit.MINUTES), "the child finishes");
        String printed = Files.readString(output);
        System.out.print(printed);
        assertEquals(0, child.exitValue(), printed);
        assertTrue(printed.contains("[streaming] values check, flat"), printed);
    }
}
