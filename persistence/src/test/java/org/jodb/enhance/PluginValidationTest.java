package org.jodb.enhance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unsupported persistent classes fail enhancement with a message naming class and member. */
class PluginValidationTest {

    @TempDir
    static Path classes;
    private static TypePool pool;
    private static ClassFileLocator locator;
    private final PersistentPlugin plugin = new PersistentPlugin();

    @BeforeAll
    static void compile() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("bad.Shape", "package bad; @org.jodb.Persistent public interface Shape {}");
        sources.put("bad.Color", "package bad; @org.jodb.Persistent public enum Color { RED, GREEN { } }");
        sources.put("bad.Pair", "package bad; @org.jodb.Persistent public record Pair(int a, int b) {}");
        sources.put("bad.Outer", "package bad; public class Outer {"
                + " @org.jodb.Persistent public class Inner { int value; } }");
        sources.put("bad.Base", "package bad; public class Base { protected int counter; transient int t;"
                + " static int s; }");
        sources.put("bad.Derived", "package bad; @org.jodb.Persistent public class Derived extends Base {"
                + " int own; }");
        sources.put("bad.Clash", "package bad; @org.jodb.Persistent public class Clash {"
                + " int value; public void markChanged() {} }");
        sources.put("bad.ClashInSubclass", "package bad; public class ClashInSubclass extends ok.Plain {"
                + " public long $jodbOid() { return 1; } }");
        sources.put("ok.TransientBase", "package ok; public class TransientBase { transient int cache;"
                + " static int count; }");
        sources.put("ok.Plain", "package ok; @org.jodb.Persistent public class Plain extends TransientBase {"
                + " int value; public void markChanged(int times) {} }");
        RuntimeCompiler.compile(classes, sources);
        locator = new ClassFileLocator.Compound(new ClassFileLocator.ForFolder(classes.toFile()),
                ClassFileLocator.ForClassLoader.of(PluginValidationTest.class.getClassLoader()));
        pool = TypePool.Default.of(locator);
    }

    private void enhance(String className) {
        TypeDescription type = pool.describe(className).resolve();
        assertTrue(plugin.matches(type), className);
        plugin.apply(new ByteBuddy().rebase(type, locator), type, locator).make(pool);
    }

    private void assertRejected(String className, String... details) {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> enhance(className));
        assertTrue(error.getMessage().contains(className), error.getMessage());
        for (String detail : details) {
            assertTrue(error.getMessage().contains(detail), error.getMessage());
        }
    }

    @Test
    void interfacesAreRejected() {
        assertRejected("bad.Shape", "interface");
    }

    @Test
    void enumsAndTheirConstantBodiesAreRejected() {
        assertRejected("bad.Color", "enum");
        assertRejected("bad.Color$1", "enum");
    }

    @Test
    void recordsAreRejected() {
        assertRejected("bad.Pair", "record");
    }

    @Test
    void innerClassesAreRejected() {
        assertRejected("bad.Outer$Inner", "inner", "static");
    }

    @Test
    void plainSuperclassWithInstanceFieldIsRejected() {
        assertRejected("bad.Derived", "bad.Base", "'counter'", "@Persistent", "transient");
    }

    @Test
    void methodsClashingWithTheContractAreRejected() {
        assertRejected("bad.Clash", "markChanged()V");
        assertRejected("bad.ClashInSubclass", "$jodbOid()J");
    }

    @Test
    void transientAndStaticFieldsOfPlainSuperclassAndOverloadsAreAccepted() {
        assertDoesNotThrow(() -> enhance("ok.Plain"));
    }

    @Test
    void interfacesAreMatchedForTheirCodeButAnnotationTypesAreSkipped() {
        assertTrue(plugin.matches(pool.describe("bad.Shape").resolve()));
        assertTrue(plugin.matches(TypeDescription.ForLoadedType.of(Runnable.class)));
        assertFalse(plugin.matches(TypeDescription.ForLoadedType.of(Deprecated.class)));
        assertTrue(plugin.matches(pool.describe("ok.TransientBase").resolve()));
    }
}
