package org.jodb.cache;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * A weak identity-map entry that remembers its oid, so that {@link OidTable} finds an entry by
 * comparing oids in the entry itself, without touching the (possibly collected, often cache-cold)
 * object, and finds the entry's slot again after the object is collected. 40 bytes with
 * compressed references.
 */
final class OidReference extends WeakReference<PersistentObject> {
    final long oid;

    OidReference(PersistentObject object, long oid, ReferenceQueue<PersistentObject> queue) {
        super(object, queue);
        this.oid = oid;
    }
}
