/**
 * Building blocks shared by jodb's storage implementations ({@code org.jodb.storage.file},
 * {@code org.jodb.storage.memory}); not part of the storage SPI ({@code org.jodb.storage}) and not
 * API: public only so the implementation packages can use them, and free to change with them.
 *
 * <p><b>Key types.</b> {@link org.jodb.storage.internal.WriteBatch} (the checks on a commit's writes
 * before anything is written), {@link org.jodb.storage.internal.ChangeLog} (the bounded log behind
 * {@code Storage.changesSince}), {@link org.jodb.storage.internal.TypeTable} (type ids and
 * descriptors), and garbage collection: {@link org.jodb.storage.internal.ConcurrentCollection} (mark
 * at a pinned snapshot, recheck under the commit lock, remove) over a storage's
 * {@link org.jodb.storage.internal.ObjectGraph}, with {@link org.jodb.storage.internal.Reachability}
 * (the mark phase) and {@link org.jodb.storage.internal.OidMarks} (the marks).
 */
package org.jodb.storage.internal;
