package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jodb.changes.model.Color;
import org.jodb.changes.model.Counter;
import org.jodb.changes.model.Slot;
import org.jodb.changes.model.ValueHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No false changes across JVMs: enum constants hash by identity, so a {@code HashSet} or
 * {@code HashMap} of them (or of records holding them) stored by one JVM iterates in another order
 * in the next one. Only reading it there is still not a change.
 */
class ReadOnlyInAnotherJvmTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void storeACounter() {
        file = new DatabaseFile(directory);
        file.store("counter", new Counter());
    }

    @Test
    void aHashSetOfEnumConstantsOnlyReadInAnotherJvmIsNotRewritten() throws Exception {
        assertNotRewrittenWhenOnlyReadInAnotherJvm(new HashSet<>(EnumSet.allOf(Color.class)));
    }

    @Test
    void aHashMapOfAThousandEnumKeyedEntriesOnlyReadInAnotherJvmIsNotRewritten() throws Exception {
        Map<Slot, Integer> slots = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            slots.put(new Slot(Color.values()[i % Color.values().length], i), i);
        }
        assertNotRewrittenWhenOnlyReadInAnotherJvm(slots);
    }

    private void assertNotRewrittenWhenOnlyReadInAnotherJvm(Object value) throws IOException, InterruptedException {
        file.store("subject", new ValueHolder(value));
        long stored = file.serialOf("subject");

        runInAnotherJvm(ReadOnlyTransaction.class, directory.resolve("changes.jodb").toString());

        assertEquals(1, file.read("counter", Counter.class, Counter::count), "the other JVM's transaction committed");
        assertEquals(stored, file.serialOf("subject"), "only read in another JVM, yet rewritten");
    }

    private static void runInAnotherJvm(Class<?> main, String argument) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(),
                "-Dnet.bytebuddy.nexus.disabled=true", "-Dkryo.unsafe=false",
                "-cp", System.getProperty("java.class.path"), main.getName(), argument))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the other JVM did not finish:\n" + output);
        }
        assertEquals(0, process.exitValue(), output);
    }
}
