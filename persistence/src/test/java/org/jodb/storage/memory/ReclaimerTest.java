package org.jodb.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The interval rule in isolation: a version visible to [c, R) waits only for pins inside it. */
class ReclaimerTest {
    private final Reclaimer reclaimer = new Reclaimer(1);
    private final SupersededVersion version = new SupersededVersion(7, 3, 8);

    @Test
    void versionIsFreeWhenNoPinExists() {
        assertEquals(List.of(version), reclaimer.committed(List.of(version), 8));
        assertEquals(0, reclaimer.pending());
    }

    @Test
    void readerOlderThanTheVersionDoesNotHoldIt() {
        reclaimer.pin(2); // LMDB's rule would keep the version for this reader; it cannot see it
        assertEquals(List.of(version), reclaimer.committed(List.of(version), 8));
    }

    @Test
    void readerAtOrAfterTheSupersedingRevisionDoesNotHoldIt() {
        reclaimer.pin(8);
        assertEquals(List.of(version), reclaimer.committed(List.of(version), 8));
    }

    @Test
    void readerInsideTheIntervalHoldsItUntilItsLastPinCloses() {
        reclaimer.pin(3);
        reclaimer.pin(3);
        assertEquals(List.of(), reclaimer.committed(List.of(version), 8));
        assertEquals(1, reclaimer.pending());
        assertEquals(List.of(), reclaimer.unpin(3));
        assertEquals(List.of(version), reclaimer.unpin(3));
        assertEquals(0, reclaimer.pending());
    }

    @Test
    void closingOneOfTwoCoveringReadersHandsTheVersionToTheOther() {
        reclaimer.pin(4);
        reclaimer.pin(7);
        reclaimer.committed(List.of(version), 8);
        assertEquals(List.of(), reclaimer.unpin(4));
        assertEquals(1, reclaimer.pending());
        assertEquals(List.of(version), reclaimer.unpin(7));
    }

    @Test
    void retentionWindowHoldsAVersionUntilTheWindowPassesItsInterval() {
        Reclaimer window = new Reclaimer(3); // revisions last-2..last stay readable
        assertEquals(List.of(), window.committed(List.of(version), 8));
        assertEquals(List.of(), window.committed(List.of(), 9));
        assertEquals(List.of(version), window.committed(List.of(), 10), "window 8..10 excludes 7");
    }
}
