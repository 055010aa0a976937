/**
 * The storage SPI: a versioned map oid &rarr; record with atomic commits, snapshots pinned at a
 * revision, oid allocation, a change log for cache invalidation and a durable type catalog.
 *
 * <p><b>Key types.</b> {@link org.jodb.storage.Storage} (implemented by
 * {@code org.jodb.storage.file.FileStorage} and {@code org.jodb.storage.memory.MemoryStorage}),
 * {@link org.jodb.storage.Snapshot}, {@link org.jodb.storage.Record} (one stored version: oid,
 * serial, layout id, references, payload), {@link org.jodb.storage.RecordWrite} (one write of a
 * commit, with the serial it is based on), {@link org.jodb.storage.RevisionChanges},
 * {@link org.jodb.storage.RevisionInfo}, {@link org.jodb.storage.StorageStats},
 * {@link org.jodb.storage.GcResult}, {@link org.jodb.storage.CompactionResult},
 * {@link org.jodb.storage.ForwardingStorage} (a base for storages that wrap another, to watch it),
 * {@link org.jodb.storage.ObjectHistory} (the retained versions of one object, over any storage).
 *
 * <p><b>Public for other jodb packages only</b> (not part of the SPI):
 * {@link org.jodb.storage.StorageRevisionLog}, the change log as the record cache reads it, used by
 * {@code org.jodb.Database}. The building blocks the storages share (checks on a commit's writes,
 * the change log, the type table, garbage collection) are in {@code org.jodb.storage.internal}.
 */
package org.jodb.storage;
