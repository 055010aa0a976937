package org.jodb.serialization;

import org.jodb.enhance.Enhancement;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.jodb.cache.PersistentObject;

/**
 * Writes a persistent object met anywhere in a value graph as a reference: its oid after the class
 * tag, never its state (which lives in its own record). Reads it back through the connection, so
 * that identity holds and cycles between persistent objects work. Collects the oids written.
 */
final class PersistentReferenceSerializer extends Serializer<PersistentObject> {
    private final ReferenceContext context;
    private final OidSet references;

    PersistentReferenceSerializer(ReferenceContext context, OidSet references) {
        this.context = context;
        this.references = references;
    }

    @Override
    public void write(Kryo kryo, Output output, PersistentObject object) {
        Enhancement.requireEnhanced(object.getClass());
        long oid;
        try {
            oid = context.referenceTo(object);
        } catch (RuntimeException e) {
            throw new UnstorableValueException("cannot refer to " + object.getClass().getName()
                    + " object: " + e.getMessage(), e);
        }
        references.add(oid);
        output.writeVarLong(oid, true);
    }

    @Override
    public PersistentObject read(Kryo kryo, Input input, Class<? extends PersistentObject> type) {
        return context.resolve(input.readVarLong(true), type);
    }
}
