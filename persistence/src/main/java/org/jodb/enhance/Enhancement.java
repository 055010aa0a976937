package org.jodb.enhance;

import java.util.Optional;
import org.jodb.NotEnhancedException;
import org.jodb.Persistent;

/**
 * Run-time questions about classes: is a class persistent, and was it enhanced. The runtime asks
 * before storing or loading an instance, so that a class that missed enhancement fails with a
 * clear {@link NotEnhancedException} instead of silently losing changes.
 *
 * <p>Answers are cached per class in {@link ClassValue}s, which do not keep class loaders alive.
 * Thread-safe.
 */
public final class Enhancement {

    private static final ClassValue<Boolean> PERSISTENT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isAnnotationPresent(Persistent.class);
        }
    };

    /** The first persistent class in the hierarchy that lacks {@link Enhanced}, if any. */
    private static final ClassValue<Optional<Class<?>>> UNENHANCED = new ClassValue<>() {
        @Override
        protected Optional<Class<?>> computeValue(Class<?> type) {
            for (Class<?> current = type; current != null && isPersistentClass(current);
                    current = current.getSuperclass()) {
                if (!current.isAnnotationPresent(Enhanced.class)) {
                    return Optional.of(current);
                }
            }
            return Optional.empty();
        }
    };

    private Enhancement() {}

    /** True when {@code type} is annotated {@code @Persistent}, directly or by inheritance. */
    public static boolean isPersistentClass(Class<?> type) {
        return PERSISTENT.get(type);
    }

    /**
     * Returns normally when {@code type} is not persistent or when it and each of its persistent
     * superclasses were enhanced.
     *
     * @throws NotEnhancedException naming the first persistent class of the hierarchy, from
     *     {@code type} upwards, that was not enhanced
     */
    public static void requireEnhanced(Class<?> type) {
        Optional<Class<?>> unenhanced = UNENHANCED.get(type);
        if (unenhanced.isPresent()) {
            throw new NotEnhancedException(unenhanced.get());
        }
    }
}
