package org.jodb.serialization;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.IntMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes every class tag as the catalog's durable class id (a varint, id + 1; 0 is null), so no
 * class name ever appears in a payload and no Kryo registration is needed. It is also the single
 * place every value's class passes on its way out, so it refuses unstorable classes there.
 * Not thread-safe: one per codec, caching the catalog's answers without locking or boxing.
 */
final class CatalogClassResolver extends DefaultClassResolver {
    private final TypeCatalog catalog;
    private final Map<Class<?>, Integer> ids = new IdentityHashMap<>();
    private final IntMap<Registration> byTag = new IntMap<>();

    CatalogClassResolver(TypeCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Registration writeClass(Output output, Class type) {
        if (type == null) {
            output.writeVarInt(0, true);
            return null;
        }
        Class<?> stored = Storability.storedClass(type);
        Registration registration = kryo.getRegistration(stored);
        Integer id = ids.get(stored);
        if (id == null) {
            id = catalog.classId(stored);
            ids.put(stored, id);
        }
        output.writeVarInt(id + 1, true);
        return registration;
    }

    @Override
    public Registration readClass(Input input) {
        int tag = input.readVarInt(true);
        if (tag == 0) {
            return null;
        }
        Registration registration = byTag.get(tag);
        if (registration == null) {
            registration = kryo.getRegistration(catalog.classFor(tag - 1));
            byTag.put(tag, registration);
        }
        return registration;
    }

    @Override
    public Registration registerImplicit(Class type) {
        // reached also for final classes Kryo writes without a tag (array elements)
        Storability.check(type);
        return super.registerImplicit(type);
    }
}
