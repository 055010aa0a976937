/**
 * Collections that report changes made through them to the persistent object whose record holds
 * them, so that the commit writes that object without comparing its state.
 *
 * <p>When a record is decoded, its {@code ArrayList}, {@code HashMap}, {@code HashSet},
 * {@code LinkedList} and {@code ArrayDeque} values (held in fields at any nesting) are created as
 * {@link org.jodb.tracking.TrackedArrayList}, {@link org.jodb.tracking.TrackedHashMap},
 * {@link org.jodb.tracking.TrackedHashSet}, {@link org.jodb.tracking.TrackedLinkedList} and
 * {@link org.jodb.tracking.TrackedArrayDeque}: subclasses that, after every call that changed
 * their contents (including through their iterators, key, value and entry views and
 * {@code Map.Entry.setValue}), mark their owner CHANGED as a field write would. A sub-list is not wrapped: handing one out makes the owner's connection compare the owner
 * at commit instead ({@link org.jodb.cache.StateManager#compareAtCommit}), from then until it is
 * reloaded. They are stored exactly as the plain classes (the record never names them), cloned
 * and Java-serialized as plain copies, and equal to plain collections with the same contents.
 *
 * <p>Other collection classes are compared at commit instead. {@code LinkedHashMap} and
 * {@code LinkedHashSet} cannot be tracked by a subclass compiled for Java 17: from Java 21 their
 * sequenced views ({@code reversed()}, {@code sequencedKeySet()}...) change them through internal
 * methods, and the methods that hand those views out return types Java 17 lacks, so they cannot
 * be overridden; a tracked version would miss such changes, which the comparison sees.
 * {@code TreeMap} and {@code TreeSet} are not tracked yet: their navigable views and sub-maps
 * change them through internal methods too, and would each need a wrapper.
 *
 * <p><b>Key types.</b> {@link org.jodb.tracking.Tracked} (what the codec and the change detection
 * see of them) and the five containers, public for {@code org.jodb.serialization}; applications
 * meet them only as the {@code ArrayList}, {@code HashMap}, {@code HashSet}, {@code LinkedList} or
 * {@code ArrayDeque} they extend. The package-private rest are the wrappers of their views
 * ({@code TrackedIterator}, {@code TrackedListIterator}, {@code TrackedCollection},
 * {@code TrackedSet}, {@code TrackedEntry}) and {@code OwnerNotice}, which tells the owner.
 */
package org.jodb.tracking;
