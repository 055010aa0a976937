package org.jodb.cache;

import java.util.List;

/**
 * One of an {@link ObjectCache}'s two recency rings (probation or protected): an intrusive doubly
 * linked ring through the objects' own {@code $jodbPrev/$jodbNext} fields, most recently used at
 * the front, with a {@link RingHead} sentinel so no move needs a null check or allocates. It keeps
 * the count and estimated bytes of its objects. Not thread-safe.
 */
final class RecencySegment {
    final RingHead head = new RingHead();
    int count;
    long bytes;

    /** Links {@code object} (not in any ring) at the front, counting {@code size} estimated bytes. */
    void linkFront(PersistentObject object, int size) {
        PersistentObject first = head.$jodbNext();
        object.$jodbPrev(head);
        object.$jodbNext(first);
        first.$jodbPrev(object);
        head.$jodbNext(object);
        count++;
        bytes += size;
    }

    /** Unlinks {@code object}, which is in this ring with {@code size} estimated bytes. */
    void unlink(PersistentObject object, int size) {
        PersistentObject previous = object.$jodbPrev();
        PersistentObject next = object.$jodbNext();
        previous.$jodbNext(next);
        next.$jodbPrev(previous);
        object.$jodbPrev(null);
        object.$jodbNext(null);
        count--;
        bytes -= size;
    }

    /** Adds every object of the ring to {@code objects}, most recently used first. */
    void addTo(List<PersistentObject> objects) {
        for (PersistentObject node = head.$jodbNext(); node != head; node = node.$jodbNext()) {
            objects.add(node);
        }
    }
}
