package org.jodb.enhance;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Load-time enhancement: {@code java -javaagent:jodb-persistence.jar ...} applies
 * {@link PersistentPlugin} to every application class as it is loaded, for projects that do not
 * enhance at build time. Classes that were already enhanced at build time carry
 * {@link Enhanced} and pass through untouched.
 *
 * <p>Only classes that are not yet loaded are transformed, since enhancement adds fields and
 * methods, which the JVM does not allow for loaded classes; the agent therefore has to be
 * installed before any persistent class is used. JDK, Byte Buddy, Kryo, Objenesis, JUnit and
 * Maven classes, and every class of the boot loader, are skipped. No Byte Buddy initialization
 * code is injected (the generated members need none), which keeps the agent free of the
 * {@code Unsafe}-based class injection that recent JDKs warn about.
 *
 * <p>A class that cannot be enhanced, for example one rejected by
 * {@link PersistentClassValidator}, is reported on standard error with its name and then loads
 * unenhanced; using it as a persistent class later fails with
 * {@link org.jodb.NotEnhancedException}.
 */
public final class EnhancementAgent {

    private EnhancementAgent() {}

    /** Entry point named by the {@code Premain-Class} attribute of the persistence jar. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        install(instrumentation);
    }

    /** Installs the enhancing transformer; the returned handle can remove it again. */
    public static ResettableClassFileTransformer install(Instrumentation instrumentation) {
        PersistentPlugin plugin = new PersistentPlugin();
        return new AgentBuilder.Default()
                .with(AgentBuilder.PoolStrategy.Default.EXTENDED)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(new ErrorReporter())
                .ignore(any(), isBootstrapClassLoader())
                .or(ignoredPackages())
                .type(plugin)
                .transform((builder, type, classLoader, module, protectionDomain) ->
                        plugin.apply(builder, type, ClassFileLocator.ForClassLoader.of(classLoader)))
                .installOn(instrumentation);
    }

    private static ElementMatcher.Junction<TypeDescription> ignoredPackages() {
        return nameStartsWith("java.")
                .or(nameStartsWith("javax."))
                .or(nameStartsWith("jdk."))
                .or(nameStartsWith("sun."))
                .or(nameStartsWith("com.sun."))
                .or(nameStartsWith("net.bytebuddy."))
                .or(nameStartsWith("com.esotericsoftware."))
                .or(nameStartsWith("org.objenesis."))
                .or(nameStartsWith("org.junit."))
                .or(nameStartsWith("org.apache.maven."));
    }

    /** Reports failed transformations, which the JVM would otherwise drop without a trace. */
    private static final class ErrorReporter extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module,
                            boolean loaded, Throwable throwable) {
            if (throwable instanceof UnsupportedPersistentClassException) {
                // the message names the class, the problem and the fix; a stack trace adds nothing
                System.err.println(throwable.getMessage());
            } else {
                System.err.println("jodb: could not enhance " + typeName + ": " + throwable);
                throwable.printStackTrace();
            }
        }
    }
}
