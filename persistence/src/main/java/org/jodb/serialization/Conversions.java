package org.jodb.serialization;

/**
 * The value conversions applied when a field's type changed since a record was written: JLS
 * primitive widening, boxing and unboxing (also combined, as in {@code int -> Long}).
 */
final class Conversions {
    private Conversions() {}

    /** Whether values stored as {@code stored} can always be converted to {@code target}. */
    static boolean compatible(FieldKind stored, Class<?> target) {
        if (!stored.isPrimitive()) {
            return true; // checked per value: a reference field may hold any subtype
        }
        FieldKind wanted = target.isPrimitive() ? FieldKind.of(target) : FieldKind.unboxed(target);
        if (wanted != null) {
            return wanted == stored || stored.widensTo(wanted);
        }
        return target.isInstance(stored.defaultValue()); // Object, Number, Comparable...
    }

    /**
     * {@code value} converted for a field or component of type {@code target} (boxed when target
     * is primitive), or {@code value} unchanged if it already fits.
     *
     * @throws IllegalArgumentException if it cannot be converted
     */
    static Object convert(Object value, Class<?> target) {
        if (value == null) {
            return target.isPrimitive() ? FieldKind.of(target).defaultValue() : null;
        }
        FieldKind wanted = target.isPrimitive() ? FieldKind.of(target) : FieldKind.unboxed(target);
        FieldKind have = FieldKind.unboxed(value.getClass());
        if (wanted != null && have != null && (have == wanted || have.widensTo(wanted))) {
            return have == wanted ? value : widen(value, wanted);
        }
        if (!target.isPrimitive() && target.isInstance(value)) {
            return value;
        }
        throw new IllegalArgumentException("a stored " + value.getClass().getName()
                + " cannot be converted to " + target.getName());
    }

    private static Object widen(Object value, FieldKind to) {
        if (value instanceof Character) {
            value = (int) (Character) value;
        }
        Number number = (Number) value;
        switch (to) {
            case SHORT: return number.shortValue();
            case INT: return number.intValue();
            case LONG: return number.longValue();
            case FLOAT: return number.floatValue();
            case DOUBLE: return number.doubleValue();
            default: throw new IllegalArgumentException("cannot widen to " + to);
        }
    }
}
