package org.jodb.examples.bigarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jodb.bigfile.BigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BigArray demo, run at 8 MiB (four blocks) so that it keeps working. */
class BigArrayDemoTest {
    @TempDir
    Path dir;

    @Test
    void theDemoStoresChecksAndChangesTheArray() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BigArrayDemo.Result result = BigArrayDemo.run(dir.resolve("demo.jodb"), 8,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);

        assertEquals(1 << 20, result.elements());
        assertEquals(3, result.changedElementsChecked(), output);
        assertTrue(output.contains("read back and checked all 1,048,576 elements"), output);
        // The three elements lie in three blocks: the first change stores each of them as chunks,
        // at least a block's bytes apiece; the second rewrites a few chunks, less than one block.
        assertTrue(result.firstChangeBytes() >= 3L * BigFile.DEFAULT_BLOCK_SIZE, output);
        assertTrue(result.secondChangeBytes() < BigFile.DEFAULT_BLOCK_SIZE, output);
        assertTrue(output.contains(String.format("the storage wrote %,d bytes%n", result.secondChangeBytes())), output);
    }
}
