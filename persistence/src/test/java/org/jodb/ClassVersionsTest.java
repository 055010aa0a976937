package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.jodb.enhance.RuntimeCompiler;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records written by one version of a class, read through the public API by a database whose
 * class path holds another version of it, or none at all.
 */
class ClassVersionsTest {
    private static final String VERSION_1 = """
            package evo;
            @org.jodb.Persistent
            public class Item {
                private String name;
                private int quantity;
                private String obsolete;
                private double price;
                private Kind kind;
                public Item(String name, int quantity, String obsolete, double price, Kind kind) {
                    this.name = name; this.quantity = quantity; this.obsolete = obsolete;
                    this.price = price; this.kind = kind;
                }
            }
            """;
    private static final String KIND_1 = "package evo; public enum Kind { TOOL, FOOD, TOY }";

    /** Fields reordered, {@code obsolete} removed, {@code tags} added, {@code quantity} widened. */
    private static final String VERSION_2 = """
            package evo;
            @org.jodb.Persistent
            public class Item {
                private java.util.List<String> tags;
                private double price;
                private Kind kind;
                private long quantity;
                private String name;
                public String describe() {
                    return name + "|" + quantity + "|" + price + "|" + kind + "|" + tags;
                }
            }
            """;
    /** Constants reordered and one added: stored by name, so nothing shifts. */
    private static final String KIND_2 = "package evo; public enum Kind { GAME, TOY, FOOD, TOOL }";

    @TempDir
    Path work;

    @Test
    void anOlderRecordLoadsUnderANewerClassWithEveryRemainingFieldIntact() throws Exception {
        MemoryStorage storage = new MemoryStorage();
        try (URLClassLoader v1 = loader("v1", VERSION_1, KIND_1); URLClassLoader v2 = loader("v2", VERSION_2, KIND_2)) {
            store(storage, v1);

            String described = withContextLoader(v2, () -> {
                try (Database db = Database.open(new SharedStorage(storage)); Connection c = db.open()) {
                    Object item = c.root().get("item");
                    assertEquals("evo.Item", item.getClass().getName());
                    return (String) item.getClass().getMethod("describe").invoke(item);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            });

            assertEquals("hammer|7|12.5|TOOL|null", described);
        }
    }

    @Test
    void aRecordWhoseClassIsGoneFailsWithTheClassName() throws Exception {
        MemoryStorage storage = new MemoryStorage();
        try (URLClassLoader v1 = loader("v1", VERSION_1, KIND_1)) {
            store(storage, v1);
        }
        try (Database db = Database.open(new SharedStorage(storage)); Connection c = db.open()) {
            UnknownClassException e = assertThrows(UnknownClassException.class, () -> c.root().get("item"));
            assertEquals("evo.Item", e.className());
            assertTrue(e.getMessage().contains("evo.Item"), e.getMessage());
        }
    }

    private void store(MemoryStorage storage, ClassLoader v1) {
        withContextLoader(v1, () -> {
            try (Database db = Database.open(new SharedStorage(storage))) {
                Class<?> item = v1.loadClass("evo.Item");
                Class<?> kind = v1.loadClass("evo.Kind");
                Object tool = kind.getField("TOOL").get(null);
                Object hammer = item.getConstructors()[0].newInstance("hammer", 7, "gone", 12.5, tool);
                db.transact(c -> c.root().put("item", hammer));
                return null;
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
    }

    private URLClassLoader loader(String name, String item, String kind) throws Exception {
        Path classes = RuntimeCompiler.compileAndEnhance(work.resolve(name), Map.of("evo.Item", item, "evo.Kind", kind));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
