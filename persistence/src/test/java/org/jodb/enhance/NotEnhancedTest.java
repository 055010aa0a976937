package org.jodb.enhance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.jodb.NotEnhancedException;
import org.jodb.cache.PersistentObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistent classes that skipped enhancement are detected, naming the culprit. */
class NotEnhancedTest {

    @TempDir
    Path classes;

    @Test
    void rawPersistentClassesAreRejected() throws Exception {
        RuntimeCompiler.compile(classes, Map.of(
                "raw.Note", "package raw; @org.jodb.Persistent public class Note { private String text; }",
                "raw.RawLabeled",
                "package raw; public class RawLabeled extends org.jodb.enhance.Labeled { private int w;"
                        + " RawLabeled() { super(\"\"); } }"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> note = loader.loadClass("raw.Note");
            assertTrue(Enhancement.isPersistentClass(note));
            assertFalse(PersistentObject.class.isAssignableFrom(note));
            NotEnhancedException noteError =
                    assertThrows(NotEnhancedException.class, () -> Enhancement.requireEnhanced(note));
            assertTrue(noteError.getMessage().contains("raw.Note"), noteError.getMessage());

            // an unenhanced subclass of an enhanced class is caught too
            Class<?> rawLabeled = loader.loadClass("raw.RawLabeled");
            NotEnhancedException labeledError =
                    assertThrows(NotEnhancedException.class, () -> Enhancement.requireEnhanced(rawLabeled));
            assertTrue(labeledError.getMessage().contains("raw.RawLabeled"), labeledError.getMessage());
        }
    }
}
