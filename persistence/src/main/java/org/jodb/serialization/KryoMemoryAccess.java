package org.jodb.serialization;

/**
 * Keeps Kryo from probing {@code sun.misc.Unsafe} where that makes the JVM warn (JDK 24+ without
 * {@code --sun-misc-unsafe-memory-access=allow}): jodb never uses Kryo's unsafe streams, yet Kryo
 * calls {@code Unsafe.arrayBaseOffset} when it first looks for them, and the warning would reach
 * the standard error of every program using jodb. Sets Kryo's own switch {@code kryo.unsafe=false}
 * unless the JVM's command line chose a value. Must run before Kryo's {@code Util} is initialized:
 * from the static initializers of jodb's Kryo subclasses.
 */
final class KryoMemoryAccess {
    private KryoMemoryAccess() {
    }

    static void keepQuiet() {
        if (System.getProperty("kryo.unsafe") == null && Runtime.version().feature() >= 24
                && !"allow".equals(System.getProperty("sun.misc.unsafe.memory.access"))) {
            System.setProperty("kryo.unsafe", "false");
        }
    }
}
