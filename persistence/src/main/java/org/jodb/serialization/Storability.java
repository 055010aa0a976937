package org.jodb.serialization;

import java.lang.reflect.Proxy;
import java.util.EnumSet;
import org.jodb.NotEnhancedException;
import org.jodb.enhance.Enhancement;
import org.jodb.tracking.Tracked;

/**
 * Which classes may appear in a stored value graph, decided once per class. Runtime resources
 * (threads, class loaders, anything closeable such as streams, readers, writers, channels and
 * sockets) and classes without a stable name (hidden classes such as lambdas, synthetic, proxy,
 * anonymous and local classes) are refused, because they could not be restored meaningfully.
 */
final class Storability {
    private static final ClassValue<String> REFUSALS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return refusal(type);
        }
    };

    private Storability() {}

    /**
     * The class to record for a value of class {@code type}: an enum constant with a body is stored
     * as its enum, every EnumSet implementation as EnumSet, a tracked collection
     * ({@link org.jodb.tracking.Tracked}) as the plain class it extends.
     *
     * @throws UnstorableValueException if such values cannot be stored
     * @throws NotEnhancedException     for a persistent class that was not enhanced
     */
    static Class<?> storedClass(Class<?> type) {
        if (Enum.class.isAssignableFrom(type) && !type.isEnum()) {
            Class<?> c = type;
            while (!c.isEnum()) {
                c = c.getSuperclass();
            }
            return c;
        }
        if (EnumSet.class.isAssignableFrom(type)) {
            return EnumSet.class;
        }
        if (Tracked.class.isAssignableFrom(type)) {
            return type.getSuperclass(); // stored as the plain collection it extends
        }
        check(type);
        return type;
    }

    /** Throws unless values of {@code type} may be stored; see {@link #storedClass}. */
    static void check(Class<?> type) {
        String refusal = REFUSALS.get(type);
        if (refusal != null) {
            throw new UnstorableValueException(refusal, null);
        }
        Enhancement.requireEnhanced(type);
    }

    private static String refusal(Class<?> type) {
        if (type.isArray()) {
            return REFUSALS.get(type.getComponentType());
        }
        String name = type.getName();
        if (type.isHidden()) {
            return name + " is a hidden class (a lambda or similar): it has no stable name";
        }
        if (type.isSynthetic()) {
            return name + " is a synthetic class: it has no stable name";
        }
        if (Proxy.isProxyClass(type)) {
            return name + " is a proxy class: it has no stable name";
        }
        if (type.isAnonymousClass()) {
            return name + " is an anonymous class: its name changes when its outer class changes";
        }
        if (type.isLocalClass()) {
            return name + " is a local class: its name changes when its outer class changes";
        }
        if (Thread.class.isAssignableFrom(type) || ThreadGroup.class.isAssignableFrom(type)) {
            return name + " is a thread: threads cannot be stored";
        }
        if (ClassLoader.class.isAssignableFrom(type)) {
            return name + " is a class loader: class loaders cannot be stored";
        }
        if (AutoCloseable.class.isAssignableFrom(type)) {
            return name + " is closeable (a stream, reader, writer, channel, socket or similar"
                    + " resource): resources cannot be stored";
        }
        if (Process.class.isAssignableFrom(type) || ProcessHandle.class.isAssignableFrom(type)
                || java.lang.ref.Reference.class.isAssignableFrom(type)) {
            return name + " is a runtime resource: it cannot be stored";
        }
        return null;
    }
}
