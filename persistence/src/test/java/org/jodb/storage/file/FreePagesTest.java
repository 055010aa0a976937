package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FreePagesTest {

    @Test
    void lowestFittingRunIsUsedBeforeTheFileGrows() {
        FreePages free = new FreePages(100);
        free.free(new Extent(10, 1));
        free.free(new Extent(20, 5));
        free.free(new Extent(40, 3));
        free.free(new Extent(60, 2));
        assertEquals(10, free.allocate(1));
        assertEquals(20, free.allocate(3), "taken from the start of the run");
        assertEquals(40, free.allocate(3), "the lowest run that fits, not the lowest run");
        assertEquals(List.of(new Extent(23, 2), new Extent(60, 2)), free.runs());
        assertEquals(100, free.allocate(3), "nothing fits: the file grows");
        assertEquals(103, free.pageCount());
        assertEquals(4, free.freeCount());
    }

    @Test
    void adjacentRunsMergeAndDoubleFreesAreRefused() {
        FreePages free = new FreePages(50);
        free.free(new Extent(5, 2));
        free.free(new Extent(9, 1));
        free.free(new Extent(7, 2));
        assertEquals(List.of(new Extent(5, 5)), free.runs());
        assertThrows(IllegalStateException.class, () -> free.free(new Extent(6, 1)));
        assertThrows(IllegalStateException.class, () -> free.free(new Extent(3, 3)));
        assertThrows(IllegalStateException.class, () -> free.free(new Extent(1, 1)), "meta pages");
        assertThrows(IllegalStateException.class, () -> free.free(new Extent(49, 2)), "beyond the end");
    }
}
