package org.jodb.enhance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a child JVM with {@code -javaagent} over classes compiled at test time, so that they are
 * enhanced by the agent alone, and checks the child's report and its silence on standard error.
 */
class EnhancementAgentTest {

    private static final String MAIN = String.join("\n",
            "package agentdemo;",
            "import org.jodb.cache.*;",
            "import org.jodb.enhance.*;",
            "public class Main {",
            "  public static void main(String[] args) {",
            "    Thing thing = new Thing(1);",
            "    Object object = thing;",
            "    System.out.println(\"persistentObject=\" + (object instanceof PersistentObject));",
            "    System.out.println(\"enhanced=\" + Thing.class.isAnnotationPresent(Enhanced.class));",
            "    int[] writes = {0};",
            "    PersistentObject persistent = (PersistentObject) object;",
            "    persistent.$jodbManager(new StateManager() {",
            "      public void beforeRead(PersistentObject o) { }",
            "      public void beforeWrite(PersistentObject o) { writes[0]++; o.$jodbState(StateCodes.CHANGED); }",
            "      public void deactivate(PersistentObject o) { }",
            "      public void invalidate(PersistentObject o) { }",
            "      public void setSticky(PersistentObject o, boolean sticky) { }",
            "    });",
            "    persistent.$jodbState(StateCodes.UPTODATE);",
            "    thing.set(5);",
            "    thing.set(6);",
            "    System.out.println(\"writes=\" + writes[0] + \" value=\" + thing.get());",
            "    Enhancement.requireEnhanced(Thing.class);",
            "    try {",
            "      Enhancement.requireEnhanced(new Rejected(1).getClass());",
            "      System.out.println(\"rejected=false\");",
            "    } catch (org.jodb.NotEnhancedException e) {",
            "      System.out.println(\"rejected=true\");",
            "    }",
            "  }",
            "}");

    @TempDir
    Path work;

    @Test
    void agentEnhancesClassesAtLoadTimeWithoutWarnings() throws Exception {
        Path classes = Files.createDirectories(work.resolve("classes"));
        RuntimeCompiler.compile(classes, Map.of(
                "agentdemo.Thing", "package agentdemo; @org.jodb.Persistent public class Thing {"
                        + " private int value; public Thing(int v) { value = v; }"
                        + " public void set(int v) { value = v; } public int get() { return value; } }",
                "agentdemo.Rejected", "package agentdemo; @org.jodb.Persistent public record Rejected(int a) {}",
                "agentdemo.Main", MAIN));
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Dnet.bytebuddy.nexus.disabled=true",
                "-javaagent:" + agentJar(), "-cp", classes + File.pathSeparator + RuntimeCompiler.classPath(),
                "agentdemo.Main")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");

        List<String> out = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out + err);
        assertEquals(List.of("persistentObject=true", "enhanced=true", "writes=1 value=6", "rejected=true"), out,
                err);
        assertTrue(err.contains("jodb: @Persistent class agentdemo.Rejected is a record"), err);
        assertFalse(err.contains("WARNING"), err);
    }

    /**
     * The persistence jar when the tests run against it; otherwise (classes in a directory) a jar
     * holding only the manifest, whose agent class the child finds on its class path.
     */
    private Path agentJar() throws IOException {
        Path persistence = RuntimeCompiler.locationOf(EnhancementAgent.class);
        if (Files.isRegularFile(persistence)) {
            return persistence;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", EnhancementAgent.class.getName());
        Path jar = work.resolve("agent.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            return jar;
        }
    }
}
