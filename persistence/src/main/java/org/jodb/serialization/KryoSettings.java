package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.net.URI;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.regex.Pattern;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * How jodb configures Kryo, shared by the codec's instance ({@link CodecKryo}) and the one that
 * reads records without their classes ({@link StoredValueKryo}), so both read the same bytes the
 * same way. Stateless.
 */
final class KryoSettings {
    private KryoSettings() {
    }

    /**
     * References on (shared and cyclic objects within a record), no registration, no automatic
     * reset (a record is many top-level writes that share one reference table), jodb's instantiator
     * and the serializers of the JDK value classes Kryo does not use by default.
     */
    static void apply(Kryo kryo) {
        kryo.setReferences(true);
        kryo.setRegistrationRequired(false);
        kryo.setAutoReset(false);
        // plain objects: their no-arg constructor if any, else Objenesis (which avoids Unsafe
        // through sun.reflect.ReflectionFactory on HotSpot)
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        // JDK value classes Kryo has serializers for but does not use by default; without them the
        // plain-object serializer would refuse them (java.base does not open their fields)
        kryo.addDefaultSerializer(UUID.class, new DefaultSerializers.UUIDSerializer());
        kryo.addDefaultSerializer(URI.class, new DefaultSerializers.URISerializer());
        kryo.addDefaultSerializer(Pattern.class, new DefaultSerializers.PatternSerializer());
        // A Timestamp is a Date to Kryo's defaults, whose serializer keeps milliseconds only and
        // silently dropped the nanoseconds; this one keeps them.
        kryo.addDefaultSerializer(Timestamp.class, new DefaultSerializers.TimestampSerializer());
    }

    /**
     * Keeps Kryo from probing {@code sun.misc.Unsafe} where that makes the JVM warn (JDK 24+
     * without {@code --sun-misc-unsafe-memory-access=allow}): jodb never uses Kryo's unsafe streams,
     * yet Kryo calls {@code Unsafe.arrayBaseOffset} when it first looks for them, and the warning
     * would reach the standard error of every program using jodb. Sets Kryo's own switch
     * {@code kryo.unsafe=false} unless the JVM's command line chose a value. Must run before Kryo's
     * {@code Util} is initialized: from the static initializers of jodb's Kryo subclasses.
     */
    static void keepUnsafeQuiet() {
        if (System.getProperty("kryo.unsafe") == null && Runtime.version().feature() >= 24
                && !"allow".equals(System.getProperty("sun.misc.unsafe.memory.access"))) {
            System.setProperty("kryo.unsafe", "false");
        }
    }
}
