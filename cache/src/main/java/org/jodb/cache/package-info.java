/**
 * The object-state contract between persistent objects and the connection that manages them, the
 * per-connection object cache, the record cache shared by a database's connections, and heap
 * profiles. This module knows nothing of serialization or storages.
 *
 * <p><b>Key types.</b> {@link org.jodb.cache.PersistentObject} (what enhancement adds to a
 * {@code @Persistent} class), {@link org.jodb.cache.ObjectState} (its state as application code
 * sees it) and {@link org.jodb.cache.StateCodes} (the byte the enhanced accessors test),
 * {@link org.jodb.cache.StateManager} (the connection's side), {@link org.jodb.cache.ObjectCache}
 * (identity map and recency rings), {@link org.jodb.cache.RecordCache} (records shared under MVCC),
 * {@link org.jodb.cache.HeapProfile} (what a cache holds, measured with JOL). JOL is started by
 * jodb's own measuring (size calibration) only when the JVM's flags let it work silently
 * ({@code JolSilence}); a heap profile, which the user asks for, starts it anyway.
 *
 * <p><b>Public for other jodb packages only</b> (application code does not use them):
 * {@link org.jodb.cache.AccessSlowPath} and {@link org.jodb.cache.CopiedObjects} (called by code
 * that {@code org.jodb.enhance} generates); {@link org.jodb.cache.StateCodes} and
 * {@link org.jodb.cache.StateManager} (the enhancer and {@code org.jodb.Session}, whose checkout is
 * the state manager); {@link org.jodb.cache.RecordCache}, {@link org.jodb.cache.RevisionLog}
 * (implemented by {@code org.jodb.storage.StorageRevisionLog}) and
 * {@link org.jodb.cache.SizeEstimator} ({@code org.jodb.Database} and {@code Session});
 * {@link org.jodb.cache.ObjectCache} (owned by {@code Session}; {@code Connection.objectCache()}
 * hands tools such as {@link org.jodb.cache.HeapProfile} its read-only
 * {@link org.jodb.cache.ObjectCacheView}). The
 * {@code $jodb...} methods of {@code PersistentObject} are the engine's, not the application's.
 *
 * <h2 id="states">The object-state contract</h2>
 *
 * <p>This table is the one description of the states and their transitions; the classes above
 * link here. "The connection" is {@code org.jodb.Session} with its {@code Checkout} (the
 * {@code StateManager}); "the read hook" and "the write hook" are the enhanced
 * {@code $jodbBeforeRead()} / {@code $jodbBeforeWrite()} inserted before every persistent field
 * access. A read calls the manager only while the code is {@code > 0}, a write only while it is
 * {@code != 0}: whoever sets a code promises that the manager sees exactly the accesses it must.
 *
 * <table class="striped">
 * <caption>States</caption>
 * <thead><tr><th>state</th><th>codes</th><th>what it means</th></tr></thead>
 * <tbody>
 * <tr><td>TRANSIENT</td><td>{@code TRANSIENT} (0) and no manager</td><td>never stored (or no
 *     longer): oid 0; accesses stay on the fast path, nothing is tracked</td></tr>
 * <tr><td>GHOST</td><td>{@code GHOST} (1)</td><td>oid and manager only; fields cleared, serial 0;
 *     the first read or write loads it</td></tr>
 * <tr><td>UPTODATE</td><td>{@code UPTODATE} (2): not yet used in this transaction;
 *     {@code ACCESSED} (-1): used in it</td><td>loaded, equal to the revision it was loaded from
 *     (its serial); the only evictable state</td></tr>
 * <tr><td>CHANGED</td><td>{@code CHANGED} (0) with a manager</td><td>in the connection's list of
 *     objects to write at commit; never evicted</td></tr>
 * <tr><td>STICKY</td><td>{@code STICKY_UNUSED} (3): not yet used in this transaction;
 *     {@code STICKY} (-2): used in it</td><td>loaded and pinned: in the connection's sticky set,
 *     never evicted</td></tr>
 * </tbody>
 * </table>
 *
 * <table class="striped">
 * <caption>Transitions: who moves an object, and what they do</caption>
 * <thead><tr><th>from &rarr; to</th><th>who</th><th>what they do</th></tr></thead>
 * <tbody>
 * <tr><td>GHOST &rarr; UPTODATE ({@code ACCESSED}), or STICKY if pinned</td><td>read hook
 *     ({@code StateManager.beforeRead}), {@code jodbActivate()}</td><td>begin the transaction if
 *     none (pin a snapshot, invalidate; see below), load the record at its revision, set the
 *     serial, link it into the cache ({@code ObjectCache.loaded}), take its baseline digest and
 *     watch it</td></tr>
 * <tr><td>GHOST &rarr; CHANGED</td><td>write hook ({@code beforeWrite}), {@code markChanged()}</td>
 *     <td>load it as above, then mark it CHANGED and add it to the changed list (a read-only
 *     connection throws instead)</td></tr>
 * <tr><td>{@code UPTODATE} &rarr; {@code ACCESSED}; {@code STICKY_UNUSED} &rarr; {@code STICKY}</td>
 *     <td>read hook, first read in a transaction</td><td>begin the transaction if none (which may
 *     first ghost the object: it then loads), tell the cache of the use
 *     ({@code ObjectCache.accessed}; not for sticky objects) and watch it</td></tr>
 * <tr><td>UPTODATE or STICKY &rarr; CHANGED</td><td>write hook, {@code markChanged()}</td><td>begin
 *     the transaction if none, mark it CHANGED, add it to the changed list. A pinned object stays
 *     in the sticky set</td></tr>
 * <tr><td>UPTODATE or STICKY &rarr; CHANGED (a tracked collection changed)</td><td>a collection
 *     of {@code org.jodb.tracking} in the object's state, after a call that changed it</td><td>as
 *     the write hook ({@code beforeWrite}); a ghost owner (the collection is stale) throws
 *     instead. Taking an untracked view ({@code subList}) calls
 *     {@code StateManager.compareAtCommit}: the object gets a baseline digest and is watched</td></tr>
 * <tr><td>UPTODATE or STICKY &rarr; CHANGED (changed in place)</td><td>the connection at
 *     {@code commit()}, {@code savepoint()} and {@code minimize()}; the user's
 *     {@code deactivate()} of an UPTODATE one (also through {@code deactivateDeep()})</td><td>every watched object (used in this transaction, class with in-place-changeable
 *     fields, detection on, with a baseline digest: its state is not only tracked collections)
 *     whose {@code org.jodb.serialization.StateDigest} differs from its
 *     {@code $jodbDigest} is marked CHANGED and written like any other</td></tr>
 * <tr><td>TRANSIENT &rarr; CHANGED</td><td>the connection, encoding a reference to it at commit or
 *     savepoint ({@code Session.referenceTo})</td><td>give it a new oid and the manager, serial 0;
 *     add it to the changed list: new objects are stored by reachability</td></tr>
 * <tr><td>CHANGED &rarr; UPTODATE</td><td>the connection, once the storage commit returned</td>
 *     <td>serial = the new revision, code {@code UPTODATE} (not {@code ACCESSED}: the next use must
 *     begin the next transaction), new baseline digest; a new object enters the cache, a stored
 *     one gets a new size estimate</td></tr>
 * <tr><td>CHANGED (stored) &rarr; GHOST</td><td>the connection at {@code abort()}, a failed commit,
 *     {@code Savepoint.rollback()} (changed after the savepoint); the user's
 *     {@code jodbInvalidate()}</td><td>drop it from the changed list and ghost it: the change is
 *     lost, the next use loads the committed state. Watched objects changed in place are ghosted
 *     too</td></tr>
 * <tr><td>CHANGED (new) &rarr; TRANSIENT</td><td>the same, and invalidation</td><td>remove it
 *     from the identity map and the sticky set, clear manager and oid; it keeps its fields. (A
 *     rollback gives their oid back to objects first stored before the savepoint and made
 *     transient since)</td></tr>
 * <tr><td>{@code ACCESSED} &rarr; {@code UPTODATE}</td><td>the connection at every transaction end
 *     ({@code ObjectCache.resetAccessed})</td><td>so that the first use in the next transaction
 *     reaches the manager again</td></tr>
 * <tr><td>{@code STICKY}, {@code ACCESSED}, {@code UPTODATE} of a pinned object &rarr;
 *     {@code STICKY_UNUSED}</td><td>the connection at every transaction end</td><td>a pin lasts
 *     across transactions; this makes its first read begin the next transaction instead of
 *     reading the previous one's state on the fast path</td></tr>
 * <tr><td>UPTODATE or STICKY &rarr; GHOST</td><td>the connection when a transaction begins
 *     ({@code Session.beginIfNeeded})</td><td>ghost every loaded object that other commits wrote
 *     after its serial, per the storage's change log (all loaded objects if the log no longer
 *     reaches back); pinned objects too: they reload as STICKY. A CHANGED object is never ghosted
 *     here (only {@code deactivate()} of an object changed in place makes one before the
 *     transaction begins): its commit conflicts on its old serial instead</td></tr>
 * <tr><td>UPTODATE &rarr; GHOST</td><td>the cache's eviction ({@code ObjectCache.collect}) at
 *     every transaction end and savepoint, {@code Connection.minimize()}; the user's
 *     {@code deactivate()}, and {@code Persistence.deactivateDeep()}, which calls it on an
 *     object and the loaded objects it finds of it (a BTree's parts and values: found among the
 *     cache's loaded objects, read without the hooks, so it loads nothing)</td><td>only {@code UPTODATE}/{@code ACCESSED} objects are evicted,
 *     least useful first, until under the count and byte targets; the fields are cleared and the
 *     ghost is then held only weakly</td></tr>
 * <tr><td>loaded or GHOST &rarr; STICKY</td><td>the user's {@code setSticky(true)}</td><td>add it
 *     to the sticky set, load it (beginning the transaction); an {@code UPTODATE}/{@code ACCESSED}
 *     object becomes {@code STICKY}, a CHANGED one stays CHANGED, pinned</td></tr>
 * <tr><td>STICKY &rarr; UPTODATE</td><td>the user's {@code setSticky(false)}</td><td>remove it
 *     from the sticky set; code {@code UPTODATE}, so the next read reports the use to the
 *     cache</td></tr>
 * <tr><td>any stored state &rarr; GHOST</td><td>the user's {@code jodbInvalidate()}</td><td>ghost
 *     it whatever its state (a CHANGED one loses its change, see above); a pinned object stays
 *     pinned</td></tr>
 * </tbody>
 * </table>
 *
 * <p>A clone of a persistent object is TRANSIENT ({@link org.jodb.cache.CopiedObjects}). The user
 * calls above are {@code org.jodb.Persistence}'s helpers or the {@code jodb...} methods of
 * {@link org.jodb.cache.PersistentObject}.
 */
package org.jodb.cache;
