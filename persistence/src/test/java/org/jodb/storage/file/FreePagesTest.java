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

    @Test
    void theDataPagesEndOnlyWherePagesInUseEnd() {
        FreePages free = new FreePages(100);
        free.free(new Extent(10, 5));
        assertEquals(100, free.usedEnd(), "no free run ends the data pages");
        assertThrows(IllegalArgumentException.class, () -> free.endAt(99), "page 99 is in use");
        free.free(new Extent(90, 10));
        free.free(new Extent(80, 5));
        assertEquals(90, free.usedEnd());
        free.endAt(95);
        assertEquals(95, free.pageCount());
        assertEquals(List.of(new Extent(10, 5), new Extent(80, 5), new Extent(90, 5)), free.runs());
        assertEquals(15, free.freeCount());
        assertThrows(IllegalArgumentException.class, () -> free.endAt(89), "page 89 is in use");
        assertThrows(IllegalArgumentException.class, () -> free.endAt(96), "beyond the page count");
        assertEquals(5, free.cutTail());
        assertEquals(90, free.pageCount());
        assertEquals(List.of(new Extent(10, 5), new Extent(80, 5)), free.runs());
        assertEquals(90, free.allocate(6), "the file grows from the new end");
    }
}
