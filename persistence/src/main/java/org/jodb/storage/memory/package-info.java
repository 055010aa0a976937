/**
 * {@link org.jodb.storage.memory.MemoryStorage}: the storage SPI in memory, with the file
 * storage's semantics (snapshots, conflicts, retention, garbage collection, the interval rule) but
 * no durability; for tests, and where transactions without a disk are enough.
 *
 * <p>Each oid has an immutable chain of versions ({@code VersionChain}), searched without a lock;
 * the package-private {@code Reclaimer} drops a superseded version ({@code SupersededVersion},
 * visible to {@code [created, superseded)}) by the interval rule once no pinned or retained revision
 * can see it. Public: {@link org.jodb.storage.memory.MemoryStorage} and
 * {@link org.jodb.storage.memory.MemoryStorageStats}; neither is internal.
 */
package org.jodb.storage.memory;
