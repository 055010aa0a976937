package org.jodb.enhance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntSupplier;
import net.bytebuddy.build.Plugin;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin driven the way the byte-buddy-maven-plugin drives it, over a folder of class files,
 * including constructs the test sources do not cover and a second, idempotent run.
 */
class PluginEngineTest {

    @TempDir
    Path work;

    private static Plugin.Engine.Summary enhance(File source, File target) throws Exception {
        return new Plugin.Engine.Default()
                .with(ClassFileLocator.ForClassLoader.of(PluginEngineTest.class.getClassLoader()))
                .withoutErrorHandlers()
                .apply(source, target, new Plugin.Factory.Simple(new PersistentPlugin()));
    }

    @Test
    void enhancesFolderOnceAndPairsObjectCreationsBeforeThisCall() throws Exception {
        Path raw = Files.createDirectories(work.resolve("raw"));
        Path once = work.resolve("once");
        Path twice = work.resolve("twice");
        RuntimeCompiler.compile(raw, Map.of(
                "eng.Counter",
                "package eng;\n"
                        + "@org.jodb.Persistent public class Counter implements java.util.function.IntSupplier {\n"
                        + "  int count; long total; double mean;\n"
                        + "  public Counter() { this(new StringBuilder(\"x\").length()); }\n"
                        + "  Counter(int start) { super(); count = start; }\n"
                        + "  public int getAsInt() {\n"
                        + "    total += count; mean = total / 2.0; return count + (int) mean;\n"
                        + "  }\n"
                        + "}\n",
                "eng.Tool",
                "package eng; public class Tool { public static void bump(Counter c) { c.count++; } }"));

        Plugin.Engine.Summary first = enhance(raw.toFile(), once.toFile());
        assertTrue(first.getFailed().isEmpty(), first.getFailed().toString());
        assertEquals(2, first.getTransformed().size());

        Plugin.Engine.Summary second = enhance(once.toFile(), twice.toFile());
        assertTrue(second.getTransformed().isEmpty(), second.getTransformed().toString());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {twice.toUri().toURL()},
                getClass().getClassLoader())) {
            Object counter = loader.loadClass("eng.Counter").getConstructor().newInstance();
            RecordingStateManager manager = new RecordingStateManager();
            manager.loading("count", 40).manage(counter, StateCodes.GHOST);

            loader.loadClass("eng.Tool").getMethod("bump", loader.loadClass("eng.Counter")).invoke(null, counter);
            assertEquals(1, manager.writes);
            assertEquals(41 + 20, ((IntSupplier) counter).getAsInt());
            assertTrue(counter instanceof PersistentObject);
            Enhancement.requireEnhanced(counter.getClass());
        }
    }

    /**
     * javac 17 emits no field writes before {@code super()} except synthetic ones, but newer
     * compilers (flexible constructor bodies) and other languages do; such a write must stay
     * untouched, as calling the hook on the uninitialized {@code this} fails verification.
     */
    @Test
    void leavesFieldWritesBeforeSuperCallAlone() throws Exception {
        Path raw = Files.createDirectories(work.resolve("raw"));
        Path enhanced = work.resolve("enhanced");
        Files.createDirectories(raw.resolve("early"));
        Files.write(raw.resolve("early/Early.class"), EarlyWriteClass.bytes());

        Plugin.Engine.Summary summary = enhance(raw.toFile(), enhanced.toFile());
        assertTrue(summary.getFailed().isEmpty(), summary.getFailed().toString());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {enhanced.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> type = loader.loadClass("early.Early");
            Object early = type.getConstructor(int.class).newInstance(7);
            assertEquals(7, type.getField("value").getInt(early));

            RecordingStateManager manager = new RecordingStateManager();
            manager.manage(early, StateCodes.UPTODATE);
            type.getMethod("set", int.class).invoke(early, 8);
            assertEquals(1, manager.writes);
            assertEquals(8, type.getField("value").getInt(early));
        }
    }
}
