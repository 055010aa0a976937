package org.jodb.serialization;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jodb.JodbException;
import org.jodb.cache.PersistentObject;
import org.jodb.tracking.Tracked;

/**
 * A 64-bit digest of the part of a persistent object's state that can change without a field
 * write: the values of its fields that may hold collections, maps, arrays or plain objects. The
 * connection takes it when an object is loaded or committed and again at commit; a difference
 * means the object was changed in place ({@code list.add(x)}, {@code values[i] = x},
 * {@code address.city = c}) and must be written.
 *
 * <p>The digest is structural, not a hash of the encoded record: unordered collections
 * ({@code HashSet}, {@code HashMap}) combine their elements' digests commutatively, so a set
 * rebuilt in another iteration order after a reload (elements hashed by identity, such as enum
 * constants and persistent objects) has the same digest and is not rewritten for nothing. Fields
 * whose declared type cannot change in place (primitives, strings, boxes, enums, persistent
 * references, {@code java.time} values, records of those...) are skipped: writing them is a field
 * write, which enhancement already sees. A plain object is walked field by field, whatever its
 * {@code hashCode}; other JDK classes count by their {@code toString} and their value-based
 * {@code hashCode} if they have one ({@code Date}, {@code BitSet}; {@code StringBuilder} and the
 * atomics have none).
 *
 * <p>Not thread-safe: one per connection (it reuses its visited-set across calls).
 */
public final class StateDigest {
    private static final long NULL = 0x9E3779B97F4A7C15L;
    private static final long BACK_REFERENCE = 0xC2B2AE3D27D4EB4FL;
    private static final ClassValue<Field[]> WATCHED_FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            ClassShape shape = ClassShape.of(type);
            return Arrays.stream(shape.slots)
                    .filter(slot -> !isUnchangeableInPlace(slot.field.getType()))
                    .map(slot -> slot.field)
                    .toArray(Field[]::new);
        }
    };
    /** How values of a class are digested, decided once per class. */
    private enum Kind { PERSISTENT, STRING, IDENTITY, LONG, DOUBLE, VALUE, TEXT, JDK_OTHER, ARRAY, MAP, COLLECTION, FIELDS }

    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            if (PersistentObject.class.isAssignableFrom(type)) {
                return Kind.PERSISTENT;
            }
            if (type == String.class) {
                return Kind.STRING;
            }
            if (Enum.class.isAssignableFrom(type) || type == Class.class) {
                return Kind.IDENTITY;
            }
            if (type == Long.class) {
                return Kind.LONG;
            }
            if (type == Double.class) {
                return Kind.DOUBLE;
            }
            if (type == URL.class) {
                return Kind.TEXT; // its hashCode resolves the host name
            }
            if (type.isArray()) {
                return Kind.ARRAY;
            }
            if (Map.class.isAssignableFrom(type)) {
                return Kind.MAP;
            }
            if (Collection.class.isAssignableFrom(type)) {
                return Kind.COLLECTION;
            }
            if (UNCHANGEABLE.get(type) && !type.isRecord()) {
                return Kind.VALUE;
            }
            return isJdk(type) ? Kind.JDK_OTHER : Kind.FIELDS;
        }
    };
    private static final ClassValue<Boolean> WATCHED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            org.jodb.Persistent persistent = type.getAnnotation(org.jodb.Persistent.class);
            return (persistent == null || persistent.detectChanges()) && WATCHED_FIELDS.get(type).length > 0;
        }
    };
    private static final ClassValue<Boolean> UNCHANGEABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return computeUnchangeable(type);
        }
    };

    /** Nested containers already visited in the current walk, with their visit number. */
    private final IdentityHashMap<Object, Integer> visited = new IdentityHashMap<>();
    private int depth;
    /** The object whose state {@link #baseline} walks; set while it does. */
    private PersistentObject owner;
    /** Whether the current walk met a value whose changes no tracked container reports. */
    private boolean untracked;
    private Class<?> lastType;
    private Kind lastKind;

    /**
     * Whether objects of {@code type} are compared at commit: the class has a field whose value
     * could change in place, and it does not opt out ({@code @Persistent(detectChanges = false)}).
     */
    public static boolean isWatched(Class<?> type) {
        return WATCHED.get(type);
    }

    /**
     * The baseline to compare {@code object} with at commit: 0 if every in-place-changeable value
     * in its state reports its own changes to it (values that cannot change in place, and
     * {@link Tracked} collections tracking every change of {@code object}), so that nothing needs
     * comparing; else its digest ({@link #of}), never 0.
     */
    public long baseline(PersistentObject object) {
        owner = object;
        untracked = false;
        try {
            long digest = of(object);
            return !untracked ? 0 : digest != 0 ? digest : 1;
        } finally {
            owner = null;
        }
    }

    /** The digest of the in-place-changeable state of {@code object}; see the class comment. */
    public long of(PersistentObject object) {
        try {
            long hash = NULL;
            for (Field field : WATCHED_FIELDS.get(object.getClass())) {
                hash = combine(hash, value(field.get(object)));
            }
            return hash;
        } catch (IllegalAccessException e) {
            throw new JodbException("cannot read the fields of " + object.getClass().getName(), e);
        } finally {
            depth = 0;
            if (!visited.isEmpty()) {
                visited.clear();
            }
        }
    }

    private long value(Object value) throws IllegalAccessException {
        if (value == null) {
            return NULL;
        }
        Class<?> type = value.getClass();
        switch (kindOf(type)) {
            case PERSISTENT:
                long oid = ((PersistentObject) value).$jodbOid();
                return mix(oid != 0 ? oid : ~(long) System.identityHashCode(value));
            case STRING:
                return string((String) value);
            case IDENTITY:
                return mix(System.identityHashCode(value)); // one instance per constant in this JVM
            case LONG:
                return mix((Long) value * 31 + type.hashCode());
            case DOUBLE:
                return mix(Double.doubleToRawLongBits((Double) value) * 31 + type.hashCode());
            case VALUE:
                return mix(value.hashCode() * 31L + type.hashCode());
            case TEXT:
                return string(value.toString());
            case JDK_OTHER:
                untracked = true; // Date, BitSet, StringBuilder, atomics: mutable, not tracked
                // Neither alone is the whole state of every JDK value: Timestamp's hashCode ignores its
                // nanoseconds, Date's toString its milliseconds, StringBuilder has no value hashCode.
                long text = string(value.toString());
                return overridesHashCode(type) ? combine(text, value.hashCode()) : text;
            default:
                return container(value, type);
        }
    }

    /**
     * An array, collection, map, record or plain object. Containers nested in others are recorded,
     * so a cycle ends at its first repetition and sharing counts; those held directly by a field
     * are not, which spares the common object (a field holding a list of values) the bookkeeping.
     */
    private long container(Object value, Class<?> type) throws IllegalAccessException {
        if (depth > 0) {
            Integer seen = visited.putIfAbsent(value, visited.size());
            if (seen != null) {
                return mix(BACK_REFERENCE + seen);
            }
        }
        depth++;
        try {
            switch (kindOf(type)) {
                case ARRAY:
                    untracked = true;
                    return array(value);
                case MAP:
                    untracked |= !isTracked(value);
                    return map((Map<?, ?>) value);
                case COLLECTION:
                    untracked |= !isTracked(value);
                    return collection((Collection<?>) value);
                default:
                    untracked |= !type.isRecord(); // a record cannot change in place, a plain object can
                    long hash = mix(type.hashCode()); // a plain object or a record: field by field
                    for (FieldSlot slot : ClassShape.of(type).slots) {
                        hash = combine(hash, value(slot.field.get(value)));
                    }
                    return hash;
            }
        } finally {
            depth--;
        }
    }

    private boolean isTracked(Object container) {
        return container instanceof Tracked && ((Tracked) container).tracksEveryChangeOf(owner);
    }

    /** The kind of {@code type}, remembering the last class asked: elements of one class follow each other. */
    private Kind kindOf(Class<?> type) {
        if (type != lastType) {
            lastKind = KINDS.get(type);
            lastType = type;
        }
        return lastKind;
    }

    private long collection(Collection<?> values) throws IllegalAccessException {
        long hash = mix(values.getClass().hashCode() * 31L + values.size());
        if (isOrdered(values)) {
            for (Object element : values) {
                hash = combine(hash, value(element));
            }
            return hash;
        }
        long sum = 0;
        for (Object element : values) {
            sum += value(element); // commutative: iteration order does not count
        }
        return combine(hash, sum);
    }

    private long map(Map<?, ?> entries) throws IllegalAccessException {
        long hash = mix(entries.getClass().hashCode() * 31L + entries.size());
        boolean ordered = entries instanceof SortedMap || entries instanceof LinkedHashMap || entries instanceof EnumMap;
        long sum = 0;
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            long pair = combine(value(entry.getKey()), value(entry.getValue()));
            if (ordered) {
                hash = combine(hash, pair);
            } else {
                sum += pair;
            }
        }
        return ordered ? hash : combine(hash, sum);
    }

    private long array(Object array) throws IllegalAccessException {
        long hash = mix(array.getClass().hashCode());
        if (array instanceof Object[]) {
            for (Object element : (Object[]) array) {
                hash = combine(hash, value(element));
            }
        } else if (array instanceof byte[]) {
            for (byte element : (byte[]) array) {
                hash = combine(hash, element);
            }
        } else if (array instanceof int[]) {
            for (int element : (int[]) array) {
                hash = combine(hash, element);
            }
        } else if (array instanceof long[]) {
            for (long element : (long[]) array) {
                hash = combine(hash, element);
            }
        } else if (array instanceof double[]) {
            for (double element : (double[]) array) {
                hash = combine(hash, Double.doubleToRawLongBits(element));
            }
        } else if (array instanceof float[]) {
            for (float element : (float[]) array) {
                hash = combine(hash, Float.floatToRawIntBits(element));
            }
        } else if (array instanceof char[]) {
            for (char element : (char[]) array) {
                hash = combine(hash, element);
            }
        } else if (array instanceof short[]) {
            for (short element : (short[]) array) {
                hash = combine(hash, element);
            }
        } else {
            for (boolean element : (boolean[]) array) {
                hash = combine(hash, element ? 1 : 2);
            }
        }
        return hash;
    }

    /** Whether iteration order is part of the value (a priority queue's is not: it is heap order). */
    private static boolean isOrdered(Collection<?> values) {
        return values instanceof List || values instanceof Deque || values instanceof SortedSet
                || values instanceof LinkedHashSet;
    }

    private static long string(String value) {
        long hash = value.length();
        for (int i = 0; i < value.length(); i++) {
            hash = hash * 0x100000001B3L + value.charAt(i);
        }
        return mix(hash);
    }

    private static long combine(long hash, long value) {
        return mix(hash * 31 + value);
    }

    /** A strong 64-bit finalizer (as in SplitMix64), so that combined values do not cancel out. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Whether a field declared with this type can only change by a field write: primitives,
     * strings, boxes, enums, persistent classes (a reference is an oid), immutable JDK values, and
     * records whose components are all such types.
     */
    private static boolean isUnchangeableInPlace(Class<?> type) {
        return UNCHANGEABLE.get(type);
    }

    private static boolean computeUnchangeable(Class<?> type) {
        if (type.isPrimitive() || type.isEnum() || type == String.class || type == Boolean.class
                || type == Character.class || type == Byte.class || type == Short.class || type == Integer.class
                || type == Long.class || type == Float.class || type == Double.class || type == BigDecimal.class
                || type == BigInteger.class || type == UUID.class || type == URI.class || type == Class.class
                || type == Locale.class || type == Pattern.class || type == URL.class) {
            return true;
        }
        if (PersistentObject.class.isAssignableFrom(type) || type.isAnnotationPresent(org.jodb.Persistent.class)) {
            return true;
        }
        Package pkg = type.getPackage();
        if (pkg != null && (pkg.getName().equals("java.time") || pkg.getName().startsWith("java.time."))
                && Modifier.isFinal(type.getModifiers())) {
            return true;
        }
        if (type.isRecord()) { // nested records are walked, which keeps this computation from recursing
            for (FieldSlot slot : ClassShape.of(type).slots) {
                Class<?> component = slot.field.getType();
                if (component.isRecord() || !computeUnchangeable(component)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isJdk(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.");
    }

    private static boolean overridesHashCode(Class<?> type) {
        try {
            return type.getMethod("hashCode").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
