package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Field;

/**
 * One stored field of a class as it is now: its name in layouts (qualified by the declaring class
 * when an inherited field has the same name), its kind and the accessible {@link Field}.
 */
final class FieldSlot {
    final String name;
    final FieldKind kind;
    final Field field;

    FieldSlot(String name, FieldKind kind, Field field) {
        this.name = name;
        this.kind = kind;
        this.field = field;
    }

    Class<?> type() {
        return field.getType();
    }

    /** Writes this field of {@code owner}: a primitive raw, a reference with its class tag. */
    void write(Kryo kryo, Output out, Object owner) {
        try {
            if (kind.isPrimitive()) {
                kind.write(out, field, owner);
            } else {
                kryo.writeClassAndObject(out, field.get(owner));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("field made accessible, yet: " + e, e);
        }
    }

    /** "Declaring.class.Name.field", for messages. */
    String describe() {
        return field.getDeclaringClass().getName() + "." + field.getName();
    }
}
