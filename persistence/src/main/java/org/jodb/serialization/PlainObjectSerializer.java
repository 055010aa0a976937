package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Stores a plain (non-persistent) object inside its owner's record the way a persistent object's
 * record is stored: the catalog's layout id, then the fields in layout order. Reading maps fields
 * by name through a {@link DecodePlan}, so plain classes evolve as safely as persistent ones.
 */
final class PlainObjectSerializer extends Serializer<Object> {
    private final TypeCatalog catalog;
    private final ClassShape shape;

    PlainObjectSerializer(TypeCatalog catalog, Class<?> type) {
        this.catalog = catalog;
        this.shape = ClassShape.of(type);
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        if (shape.failure != null) {
            throw new UnstorableValueException(shape.failure, null);
        }
        output.writeVarInt(catalog.layoutId(shape.type), true);
        for (FieldSlot slot : shape.slots) {
            slot.write(kryo, output, object);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        DecodePlan plan = catalog.plan(input.readVarInt(true));
        Object object = kryo.newInstance(type);
        kryo.reference(object); // before the fields, so that cycles back to this object resolve
        plan.readInto(kryo, input, object);
        return object;
    }
}
