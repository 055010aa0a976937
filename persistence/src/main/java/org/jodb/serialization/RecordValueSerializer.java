package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.InvocationTargetException;
import org.jodb.JodbException;

/**
 * Stores a Java record by component name (layout id, then components in layout order) and rebuilds
 * it through its canonical constructor, so its invariants are checked and components can be added,
 * removed or widened like the fields of persistent classes.
 */
final class RecordValueSerializer extends Serializer<Object> {
    private final TypeCatalog catalog;
    private final ClassShape shape;

    RecordValueSerializer(TypeCatalog catalog, Class<?> type) {
        super(false, true); // immutable
        this.catalog = catalog;
        this.shape = ClassShape.of(type);
    }

    @Override
    public void write(Kryo kryo, Output output, Object record) {
        if (shape.failure != null) {
            throw new UnstorableValueException(shape.failure, null);
        }
        output.writeVarInt(catalog.layoutId(shape.type), true);
        for (FieldSlot slot : shape.slots) {
            slot.write(kryo, output, record);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        DecodePlan plan = catalog.plan(input.readVarInt(true));
        Object[] components = plan.readComponents(kryo, input);
        try {
            return plan.shape.canonical.newInstance(components);
        } catch (InvocationTargetException e) {
            throw new JodbException("the canonical constructor of " + type.getName()
                    + " rejected the stored components", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new JodbException("cannot construct record " + type.getName(), e);
        }
    }
}
