/**
 * Collections that report changes made through them to the persistent object whose record holds
 * them, so that the commit writes that object without comparing its state.
 *
 * <p>When a record is decoded, its {@code ArrayList}, {@code HashMap} and {@code HashSet} values
 * (held in fields at any nesting) are created as {@link org.jodb.tracking.TrackedArrayList},
 * {@link org.jodb.tracking.TrackedHashMap} and {@link org.jodb.tracking.TrackedHashSet}: subclasses
 * that, after every call that changed their contents (including through their iterators, key,
 * value and entry views and {@code Map.Entry.setValue}), mark their owner CHANGED as a field write
 * would. A sub-list is not wrapped: handing one out makes the owner's connection compare the owner
 * at commit instead ({@link org.jodb.cache.StateManager#compareAtCommit}), from then until it is
 * reloaded. They are stored exactly as the plain classes (the record never names them), cloned
 * and Java-serialized as plain copies, and equal to plain collections with the same contents.
 *
 * <p><b>Key types.</b> {@link org.jodb.tracking.Tracked} (what the codec and the change detection
 * see of them) and the three containers, public for {@code org.jodb.serialization}; applications
 * meet them only as the {@code ArrayList}, {@code HashMap} or {@code HashSet} they extend. The
 * package-private rest are the wrappers of their views ({@code TrackedIterator},
 * {@code TrackedListIterator}, {@code TrackedCollection}, {@code TrackedSet}, {@code TrackedEntry})
 * and {@code OwnerNotice}, which tells the owner.
 */
package org.jodb.tracking;
