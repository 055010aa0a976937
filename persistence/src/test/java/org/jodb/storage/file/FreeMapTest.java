package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FreeMapTest {
    private static final int PAGE_SIZE = 1024;

    private static List<Extent> runs(FreeMap map) {
        List<Extent> runs = new ArrayList<>();
        map.forEachRun(runs::add);
        return runs;
    }

    @Test
    void runsAcrossWordAndChunkBoundariesComeBackAsSet() {
        FreeMap map = new FreeMap(PAGE_SIZE);
        long chunk = map.pagesPerChunk();
        map.set(new Extent(2, 1));
        map.set(new Extent(60, 10)); // across a word boundary
        map.set(new Extent(chunk - 3, 7)); // across a chunk boundary
        map.set(new Extent(3 * chunk + 5, 64));
        assertEquals(List.of(new Extent(2, 1), new Extent(60, 10), new Extent(chunk - 3, 7),
                new Extent(3 * chunk + 5, 64)), runs(map));
        map.clear(62, 64);
        map.clear(chunk, chunk + 1);
        assertEquals(List.of(new Extent(2, 1), new Extent(60, 2), new Extent(64, 6), new Extent(chunk - 3, 3),
                new Extent(chunk + 1, 3), new Extent(3 * chunk + 5, 64)), runs(map));
        assertTrue(map.isFree(chunk - 1));
        assertFalse(map.isFree(chunk));
    }

    @Test
    void agreesWithABitSetUnderRandomChanges() {
        FreeMap map = new FreeMap(PAGE_SIZE);
        BitSet expected = new BitSet();
        SplittableRandom random = new SplittableRandom(7);
        int pages = (int) (3 * map.pagesPerChunk());
        for (int i = 0; i < 5_000; i++) {
            int start = random.nextInt(pages - 200);
            int span = 1 + random.nextInt(random.nextBoolean() ? 3 : 200);
            if (random.nextBoolean()) {
                map.set(new Extent(start, span));
                expected.set(start, start + span);
            } else {
                map.clear(start, start + span);
                expected.clear(start, start + span);
            }
        }
        BitSet actual = new BitSet();
        map.forEachRun(run -> actual.set((int) run.start(), (int) run.end()));
        assertEquals(expected, actual);
    }

    @Test
    void onlyAChangedBitDirtiesItsChunk() {
        FreeMap map = new FreeMap(PAGE_SIZE);
        long chunk = map.pagesPerChunk();
        map.set(new Extent(chunk + 10, 5));
        assertEquals(BitSet.valueOf(new long[] {0b10}), map.dirty());
        map.clean();
        map.set(new Extent(chunk + 10, 5)); // already free
        map.clear(5, 9); // already in use
        assertTrue(map.dirty().isEmpty());
        map.clear(chunk + 12, chunk + 13);
        assertEquals(BitSet.valueOf(new long[] {0b10}), map.dirty());
    }

    @Test
    void aChunkSurvivesItsPageAndAMisplacedOneIsRefused() {
        FreeMap map = new FreeMap(PAGE_SIZE);
        long chunk = map.pagesPerChunk();
        map.set(new Extent(chunk + 3, 100));
        Page page = map.encode(1, 77, 5);
        FreeMap loaded = new FreeMap(PAGE_SIZE);
        loaded.load(1, Page.wrap(page.bytes()), Path.of("f.jodb"));
        assertEquals(List.of(new Extent(chunk + 3, 100)), runs(loaded));
        assertTrue(loaded.dirty().isEmpty(), "what was read is on the disk already");
        CorruptPageException e = assertThrows(CorruptPageException.class,
                () -> new FreeMap(PAGE_SIZE).load(2, Page.wrap(page.bytes()), Path.of("f.jodb")));
        assertTrue(e.getMessage().contains("holds chunk 1 where chunk 2 belongs"), e.getMessage());
    }
}
