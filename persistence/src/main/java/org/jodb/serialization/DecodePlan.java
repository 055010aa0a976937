package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import java.util.HashMap;
import java.util.Map;
import org.jodb.JodbException;

/**
 * How to read records of one stored layout into the current version of its class: stored fields
 * are matched to current fields BY NAME, so a removed field is read and dropped, an added one gets
 * its Java default and nothing ever shifts into a neighbour. Immutable and thread-safe; built once
 * per layout id by {@link TypeCatalog}.
 */
final class DecodePlan {
    private static final int SKIP = 0;
    private static final int EXACT = 1;
    private static final int CONVERT = 2;

    final ClassShape shape;
    private final FieldKind[] storedKinds;
    private final FieldSlot[] targets;   // null where the field no longer exists
    private final int[] modes;
    private final int[] targetIndexes;   // slot index in the shape (records: the component index)
    private final FieldSlot[] missing;   // current fields the layout lacks: Java defaults

    DecodePlan(StoredLayout stored, ClassShape shape) {
        this.shape = shape;
        Map<String, Integer> current = new HashMap<>();
        for (int i = 0; i < shape.slots.length; i++) {
            current.put(shape.slots[i].name, i);
        }
        int n = stored.names.length;
        storedKinds = stored.kinds;
        targets = new FieldSlot[n];
        modes = new int[n];
        targetIndexes = new int[n];
        boolean[] filled = new boolean[shape.slots.length];
        for (int i = 0; i < n; i++) {
            Integer index = current.get(stored.names[i]);
            if (index == null) {
                modes[i] = SKIP;
                continue;
            }
            FieldSlot slot = shape.slots[index];
            if (!Conversions.compatible(stored.kinds[i], slot.type())) {
                throw new JodbException("cannot decode field " + slot.describe() + ": stored as "
                        + stored.kinds[i].type.getName() + ", now declared " + slot.type().getName()
                        + ", which is not a widening or boxing conversion");
            }
            targets[i] = slot;
            targetIndexes[i] = index;
            filled[index] = true;
            boolean exactPrimitive = stored.kinds[i].isPrimitive() && stored.kinds[i] == slot.kind;
            boolean plainReference = !stored.kinds[i].isPrimitive() && !slot.kind.isPrimitive()
                    && FieldKind.unboxed(slot.type()) == null;
            modes[i] = exactPrimitive || plainReference ? EXACT : CONVERT;
        }
        int missingCount = 0;
        for (boolean f : filled) {
            missingCount += f ? 0 : 1;
        }
        missing = new FieldSlot[missingCount];
        for (int i = 0, m = 0; i < filled.length; i++) {
            if (!filled[i]) {
                missing[m++] = shape.slots[i];
            }
        }
    }

    /** Reads one record's fields into {@code owner}, setting every current field. */
    void readInto(Kryo kryo, Input in, Object owner) {
        for (int i = 0; i < modes.length; i++) {
            FieldSlot slot = targets[i];
            FieldKind kind = storedKinds[i];
            try {
                switch (modes[i]) {
                    case EXACT:
                        if (kind.isPrimitive()) {
                            kind.read(in, slot.field, owner);
                        } else {
                            Object value = kryo.readClassAndObject(in);
                            slot.field.set(owner, checked(value, slot));
                        }
                        break;
                    case CONVERT:
                        slot.field.set(owner, convert(read(kryo, in, kind), slot));
                        break;
                    default:
                        read(kryo, in, kind); // a removed field: consume it
                }
            } catch (IllegalAccessException e) {
                throw new JodbException("cannot set field " + slot.describe(), e);
            }
        }
        try {
            for (FieldSlot slot : missing) {
                slot.kind.clear(slot.field, owner);
            }
        } catch (IllegalAccessException e) {
            throw new JodbException("cannot clear a field of " + shape.type.getName(), e);
        }
    }

    /** Reads one record's fields as the argument array of a record's canonical constructor. */
    Object[] readComponents(Kryo kryo, Input in) {
        Object[] values = new Object[shape.slots.length];
        for (FieldSlot slot : missing) {
            values[indexOf(slot)] = slot.kind.defaultValue();
        }
        for (int i = 0; i < modes.length; i++) {
            Object value = read(kryo, in, storedKinds[i]);
            if (modes[i] != SKIP) {
                values[targetIndexes[i]] = convert(value, targets[i]);
            }
        }
        return values;
    }

    private int indexOf(FieldSlot slot) {
        for (int i = 0; i < shape.slots.length; i++) {
            if (shape.slots[i] == slot) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private static Object read(Kryo kryo, Input in, FieldKind kind) {
        return kind.isPrimitive() ? kind.readBoxed(in) : kryo.readClassAndObject(in);
    }

    private static Object checked(Object value, FieldSlot slot) {
        if (value != null && !slot.type().isInstance(value)) {
            throw mismatch(slot, value.getClass().getName() + " is not a " + slot.type().getName(), null);
        }
        return value;
    }

    private static Object convert(Object value, FieldSlot slot) {
        try {
            return Conversions.convert(value, slot.type());
        } catch (IllegalArgumentException e) {
            throw mismatch(slot, e.getMessage(), e);
        }
    }

    private static JodbException mismatch(FieldSlot slot, String why, Throwable cause) {
        return new JodbException("cannot decode field " + slot.describe() + ": " + why, cause);
    }
}
