package org.jodb.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MemoryStorageTypeCatalogTest {

    @Test
    void idsStartAtOneAndRegistrationIsIdempotent() {
        try (MemoryStorage storage = new MemoryStorage()) {
            assertEquals(1, storage.typeId("com.example.A"));
            assertEquals(2, storage.typeId("com.example.B"));
            assertEquals(1, storage.typeId("com.example.A"));
            assertEquals("com.example.A", storage.typeDescriptor(1));
            assertEquals("com.example.B", storage.typeDescriptor(2));
        }
    }

    @Test
    void unknownIdIsRejectedNamingTheId() {
        try (MemoryStorage storage = new MemoryStorage()) {
            storage.typeId("A");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> storage.typeDescriptor(7));
            assertTrue(e.getMessage().contains("7"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> storage.typeDescriptor(0));
            assertThrows(IllegalArgumentException.class, () -> storage.typeId(null));
        }
    }

    @Test
    void concurrentRegistrationGivesEachDescriptorOneId() throws Exception {
        try (MemoryStorage storage = new MemoryStorage()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<List<Integer>>> tasks = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    tasks.add(() -> {
                        List<Integer> ids = new ArrayList<>();
                        for (int i = 0; i < 500; i++) {
                            ids.add(storage.typeId("T" + i));
                        }
                        return ids;
                    });
                }
                List<Future<List<Integer>>> results = pool.invokeAll(tasks);
                List<Integer> first = results.get(0).get();
                for (Future<List<Integer>> result : results) {
                    assertEquals(first, result.get(), "every thread sees the same id per descriptor");
                }
                Set<Integer> distinct = new HashSet<>(first);
                assertEquals(500, distinct.size());
                for (int i = 0; i < 500; i++) {
                    assertEquals("T" + i, storage.typeDescriptor(first.get(i)));
                    assertTrue(first.get(i) >= 1 && first.get(i) <= 500);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
