package org.jodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jodb.Database;
import org.jodb.cache.AccessSlowPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use jodb in your project" section, done as a new user would: a new Maven project
 * made of the section's blocks verbatim (the dependency and the enhancer plugin in its
 * {@code pom.xml}, the Java sources under their package), built offline against the jodb artifacts
 * of this build, and its {@code @Persistent} program run twice without JVM flags.
 *
 * <p>Where the section says {@code mvn install}, this test installs instead into a private local
 * repository under {@code target/}: the artifacts this build made are copied into it in the
 * repository layout (what {@code install} writes), and every other artifact (Kryo, the Maven
 * plugins...) comes from the build's own local repository through a {@code file:} mirror, read only,
 * with Maven offline. The shared {@code ~/.m2} never sees this project or its jodb copies.
 *
 * <p>What the section does not say, the project adds as any project would have it: coordinates,
 * the Java release, plugin versions (those of this build, which it has already resolved: offline,
 * no other version can be found), and the shade plugin, to run the program with its dependencies.
 */
class UseJodbInYourProjectEndToEndTest {
    private static final Path README = Path.of(System.getProperty("jodb.readme", "../README.md"));
    private static final String SECTION = "## Use jodb in your project\n";

    @TempDir
    Path project;

    @Test
    void theSectionsBlocksMakeAProjectThatBuildsOfflineAndRunsItsPersistentProgram() throws Exception {
        List<Block> blocks = sectionBlocks();
        String dependency = only(blocks, "xml", "<dependency>");
        String plugin = only(blocks, "xml", "<plugin>");
        List<Block> sources = blocks.stream().filter(b -> b.language.equals("java")).toList();
        assertEquals(2, sources.size(), "the Counter and Main sources");
        Path repository = privateRepository();
        Files.writeString(project.resolve("pom.xml"), pom(dependency, plugin));
        for (Block source : sources) {
            Path file = project.resolve("src/main/java").resolve(packageOf(source.text).replace('.', '/'))
                    .resolve(classOf(source.text) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.text);
        }
        Path settings = project.resolve("settings.xml");
        Files.writeString(settings, settings(repository));

        Finished build = run(project, List.of(Path.of(property("maven.home"), "bin", "mvn").toString(), "-B", "-q", "-o",
                "-s", settings.toString(), "-Daether.offline.protocols=file", "-DskipTests", "package"));
        assertEquals(0, build.exitCode, () -> "the project builds offline:\n" + build);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = project.resolve("target/app-1.jar");
        Path database = project.resolve("app.jodb");
        Finished first = run(project, List.of(java, "-jar", jar.toString(), database.toString()));
        assertEquals(new Finished(0, "visits: 1\n", ""), first, "no JVM flags, nothing printed but the visits");
        Finished second = run(project, List.of(java, "-jar", jar.toString(), database.toString()));
        assertEquals(new Finished(0, "visits: 2\n", ""), second, "the counter was stored");
    }

    /** A fenced block of the README: its language and text. */
    private record Block(String language, String text) {
    }

    private static List<Block> sectionBlocks() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "README.md has the section " + SECTION);
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end + 1);
        List<Block> blocks = new ArrayList<>();
        Matcher fence = Pattern.compile("(?m)^```(\\w+)\\n(.*?)^```$", Pattern.DOTALL).matcher(section);
        while (fence.find()) {
            blocks.add(new Block(fence.group(1), fence.group(2)));
        }
        return blocks;
    }

    private static String only(List<Block> blocks, String language, String start) {
        List<String> matching = blocks.stream().filter(b -> b.language.equals(language) && b.text.startsWith(start))
                .map(Block::text).toList();
        assertEquals(1, matching.size(), "one " + language + " block starting with " + start);
        return matching.get(0);
    }

    private static String packageOf(String source) {
        Matcher name = Pattern.compile("(?m)^package ([\\w.]+);").matcher(source);
        assertTrue(name.find(), "a package declaration in:\n" + source);
        return name.group(1);
    }

    private static String classOf(String source) {
        Matcher name = Pattern.compile("(?m)^public (?:final )?(?:class|record|interface|enum) (\\w+)").matcher(source);
        assertTrue(name.find(), "a public class in:\n" + source);
        return name.group(1);
    }

    private static String pom(String dependency, String plugin) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>app</groupId>
                  <artifactId>app</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                %s
                  </dependencies>
                  <build>
                    <pluginManagement>
                      <plugins>
                %s
                      </plugins>
                    </pluginManagement>
                    <plugins>
                %s
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-shade-plugin</artifactId>
                        <executions>
                          <execution>
                            <phase>package</phase>
                            <goals><goal>shade</goal></goals>
                            <configuration>
                              <createDependencyReducedPom>false</createDependencyReducedPom>
                              <transformers>
                                <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                                  <mainClass>app.Main</mainClass>
                                </transformer>
                              </transformers>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(dependency, pluginVersions(), plugin);
    }

    /** The versions of the plugins a jar project's build runs: this build's, which it has resolved already. */
    private static String pluginVersions() {
        StringBuilder plugins = new StringBuilder();
        for (String plugin : List.of("resources", "compiler", "surefire", "jar", "shade")) {
            plugins.append("<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-").append(plugin)
                    .append("-plugin</artifactId><version>").append(property(plugin + ".plugin.version"))
                    .append("</version></plugin>\n");
        }
        return plugins.toString();
    }

    /** Maven settings: the private repository, offline, everything else read from the build's own repository. */
    private static String settings(Path repository) {
        return """
                <settings>
                  <localRepository>%s</localRepository>
                  <offline>true</offline>
                  <mirrors>
                    <mirror>
                      <id>this-build</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(repository, Path.of(property("jodb.outer.repository")).toUri());
    }

    /**
     * A local repository under {@code target/} holding the jodb artifacts of this build, as
     * {@code mvn install} would: the parent pom, and the jar and pom of jodb-cache and jodb-persistence
     * (the jars this test runs with, packaged by this build).
     */
    private static Path privateRepository() throws IOException, URISyntaxException {
        Path repository = Path.of(property("jodb.private.repository")).toAbsolutePath();
        String version = property("jodb.version");
        Path root = Path.of(property("jodb.root"));
        install(repository, "jodb-parent", version, root.resolve("pom.xml"), null);
        install(repository, "jodb-cache", version, root.resolve("cache/pom.xml"), jarOf(AccessSlowPath.class));
        install(repository, "jodb-persistence", version, root.resolve("persistence/pom.xml"), jarOf(Database.class));
        return repository;
    }

    private static void install(Path repository, String artifact, String version, Path pom, Path jar) throws IOException {
        Path directory = repository.resolve("org/jodb").resolve(artifact).resolve(version);
        Files.createDirectories(directory);
        Files.copy(pom, directory.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, directory.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The jar {@code type} was loaded from: the build's packaged artifact (this test runs after {@code package}). */
    private static Path jarOf(Class<?> type) throws URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(location) && location.toString().endsWith(".jar"),
                type.getName() + " comes from " + location + ", not a packaged jar: run this test after package (mvn verify)");
        return location;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null, "system property " + name + " is set by the cli pom's end-to-end execution");
        return value;
    }

    /** A finished process. */
    private record Finished(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private static Finished run(Path directory, List<String> command) throws Exception {
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end");
        }
        return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
