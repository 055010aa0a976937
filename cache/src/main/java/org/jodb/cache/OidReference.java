package org.jodb.cache;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * A weak identity-map entry. It keeps the oid's 32-bit hash rather than the oid itself: the hash
 * is all {@link OidTable} needs to find the entry's slot again after the object is collected, and
 * an int fits in the alignment gap of {@link WeakReference} (32 bytes in all) where a long would
 * cost 8 more bytes per object.
 */
final class OidReference extends WeakReference<PersistentObject> {
    final int hash;

    OidReference(PersistentObject object, int hash, ReferenceQueue<PersistentObject> queue) {
        super(object, queue);
        this.hash = hash;
    }
}
