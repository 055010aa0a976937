package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.BitSet;
import org.jodb.changes.model.JdkValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutable JDK values held in fields (dates, builders, bit sets) changed through their own methods are committed. */
class MutableJdkValueChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void store() {
        file = new DatabaseFile(directory);
        file.store("values", new JdkValues());
    }

    @Test
    void aDateSetToAnotherTimeIsCommitted() {
        file.change("values", JdkValues.class, values -> values.date().setTime(86_400_000L));

        long time = file.read("values", JdkValues.class, values -> values.date().getTime());
        assertEquals(86_400_000L, time);
    }

    @Test
    void aTimestampsNanosecondsAreCommitted() {
        file.change("values", JdkValues.class, values -> values.timestamp().setNanos(500));

        int nanos = file.read("values", JdkValues.class, values -> values.timestamp().getNanos());
        assertEquals(500, nanos);
    }

    @Test
    void textAppendedToAStringBuilderIsCommitted() {
        file.change("values", JdkValues.class, values -> values.text().append("b"));

        assertEquals("ab", file.read("values", JdkValues.class, values -> values.text().toString()));
    }

    @Test
    void aBitSetInABitSetIsCommitted() {
        file.change("values", JdkValues.class, values -> values.bits().set(70));

        assertEquals(BitSet.valueOf(new long[] {0, 1L << 6}), file.read("values", JdkValues.class, JdkValues::bits));
    }
}
