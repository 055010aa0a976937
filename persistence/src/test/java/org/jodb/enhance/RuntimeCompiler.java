package org.jodb.enhance;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import net.bytebuddy.ByteBuddy;
import org.jodb.Persistent;
import org.jodb.cache.PersistentObject;

/**
 * Compiles Java sources at test time into a directory, producing class files that the build never
 * enhanced: raw input for the plugin, the agent and {@code requireEnhanced}.
 */
public final class RuntimeCompiler {

    private RuntimeCompiler() {}

    /** Compiles {@code sources} (class name to source text) into {@code outputDirectory}. */
    public static Path compile(Path outputDirectory, Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((className, text) -> units.add(new Source(className, text)));
        List<String> options = List.of("-d", outputDirectory.toString(), "--release", "17", "-proc:none",
                "-classpath", classPath());
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = compiler.getTask(null, null, diagnostics, options, null, units).call();
        if (!compiled) {
            throw new AssertionError("test sources did not compile: " + diagnostics.getDiagnostics());
        }
        return outputDirectory;
    }

    /**
     * Compiles {@code sources} into {@code directory/raw} and enhances them, as the build plugin
     * would, into {@code directory/enhanced}, which it returns.
     */
    public static Path compileAndEnhance(Path directory, Map<String, String> sources) throws java.io.IOException {
        Path raw = java.nio.file.Files.createDirectories(directory.resolve("raw"));
        Path enhanced = directory.resolve("enhanced");
        compile(raw, sources);
        new net.bytebuddy.build.Plugin.Engine.Default()
                .with(net.bytebuddy.dynamic.ClassFileLocator.ForClassLoader.of(RuntimeCompiler.class.getClassLoader()))
                .withoutErrorHandlers()
                .apply(raw.toFile(), enhanced.toFile(), new net.bytebuddy.build.Plugin.Factory.Simple(new PersistentPlugin()));
        return enhanced;
    }

    /** The jodb and Byte Buddy class path entries plus the test classes, as a path string. */
    public static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> anchor : new Class<?>[] {Persistent.class, PersistentObject.class, ByteBuddy.class,
                RuntimeCompiler.class}) {
            entries.add(locationOf(anchor).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar or directory a class was loaded from. */
    public static Path locationOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
