package org.jodb.cache;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * A weak identity-map entry that remembers the 32-bit hash of its oid ({@link OidTable#hash}), so
 * that {@link OidTable} skips entries of other oids without touching their (possibly collected,
 * often cache-cold) objects, and finds the entry's slot again after its object is collected.
 * 32 bytes with compressed references, the size of a bare weak reference: the int fills the
 * alignment gap where a long oid made it 40, a fifth less for every object a connection knows.
 * Two oids may share a hash, so a lookup confirms the oid on the object itself.
 */
final class OidReference extends WeakReference<PersistentObject> {
    final int hash;

    OidReference(PersistentObject object, int hash, ReferenceQueue<PersistentObject> queue) {
        super(object, queue);
        this.hash = hash;
    }
}
