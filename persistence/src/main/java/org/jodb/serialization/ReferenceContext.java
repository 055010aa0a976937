package org.jodb.serialization;

import org.jodb.cache.PersistentObject;

/**
 * The connection's side of references between persistent objects, as seen by a {@link RecordCodec}.
 *
 * <p>A reference to a persistent object is stored as its oid, never as its state, so that every
 * object is stored in its own record. Implementations are called only from the thread that uses
 * the codec, so they need not be thread-safe.
 */
public interface ReferenceContext {

    /**
     * The oid to store for a reference to {@code target}: assigns an oid to a new (transient) object
     * and queues it to be written in the same commit.
     *
     * @throws RuntimeException for an object owned by another connection; the codec reports it as
     *                          an {@link org.jodb.UnstorableFieldException}
     */
    long referenceTo(PersistentObject target);

    /** The connection's single instance for {@code oid} (a ghost of {@code type} if not in memory). */
    PersistentObject resolve(long oid, Class<?> type);
}
