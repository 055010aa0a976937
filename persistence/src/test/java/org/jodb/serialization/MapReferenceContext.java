package org.jodb.serialization;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jodb.cache.PersistentObject;

/**
 * Test stand-in for a connection: oids are assigned on first reference; objects created elsewhere
 * ("another connection") are refused; unknown oids resolve to fresh instances of the given type,
 * cached so that identity holds.
 */
final class MapReferenceContext implements ReferenceContext {
    final Map<Long, PersistentObject> byOid = new HashMap<>();
    final Map<PersistentObject, Long> oids = new IdentityHashMap<>();
    final Map<PersistentObject, Boolean> foreign = new IdentityHashMap<>();
    private long nextOid = 2;

    long register(PersistentObject object) {
        return oids.computeIfAbsent(object, o -> {
            long oid = nextOid++;
            o.$jodbOid(oid);
            byOid.put(oid, o);
            return oid;
        });
    }

    @Override
    public long referenceTo(PersistentObject target) {
        if (foreign.containsKey(target)) {
            throw new IllegalStateException("object belongs to another connection");
        }
        return register(target);
    }

    @Override
    public PersistentObject resolve(long oid, Class<?> type) {
        return byOid.computeIfAbsent(oid, o -> {
            try {
                var constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                PersistentObject ghost = (PersistentObject) constructor.newInstance();
                ghost.$jodbOid(o);
                return ghost;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
