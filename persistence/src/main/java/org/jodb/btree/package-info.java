/**
 * Persistent B+trees: sorted collections that scale to millions of entries because each part is
 * its own record.
 *
 * <p><b>Key types.</b> {@link org.jodb.btree.LongBTree} maps {@code long} keys (kept unboxed in
 * {@code long[]} arrays, in memory and in the records) and {@link org.jodb.btree.ObjectBTree} any
 * keys (in {@code Object[]} arrays, ordered by a stored {@link java.util.Comparator} or naturally)
 * to values, as {@link java.util.NavigableMap}s; {@link org.jodb.btree.LongTreeSet} and
 * {@link org.jodb.btree.ObjectTreeSet} are {@link java.util.NavigableSet}s over them. Their internal
 * nodes and buckets are separate persistent objects, loaded as ghosts and only when a lookup or
 * scan passes through them; a change writes the bucket it touches (and its parents only on a split
 * or when a bucket empties), so a commit's cost does not grow with the tree. Two transactions
 * changing different keys of one bucket both commit (the bucket merges key by key).
 *
 * <p><b>One core, two key representations.</b> {@link org.jodb.btree.BTree} (the map),
 * {@code Bucket} and {@code TreeNode} hold every algorithm once: descent, split, removal of an
 * emptied bucket, size stripes, range views and iterators, the bucket merge, walking and deep
 * deactivation. Each moves keys within their arrays with {@code System.arraycopy} and asks its
 * subclass only to search, compare and create arrays: {@code LongBucket}/{@code LongTreeNode}
 * over {@code long[]}, {@code ObjectBucket}/{@code ObjectTreeNode} over {@code Object[]} with the
 * comparator ({@code KeyOrder}). {@link org.jodb.btree.LongBTree}'s {@code long} lookups take an
 * unboxed path of their own through {@code LongTreeNode} and {@code LongBucket}, whose searches
 * ({@code LongSearch}) start where the key would sit if the keys were spread evenly between the
 * bounds the parent gives (a lookup waits for memory, not comparisons).
 * {@link org.jodb.btree.BTreeSet} is the set over either tree.
 *
 * <p><b>Iterators</b> ({@code RangeIterator}) keep {@code next()} to a counter step and the element
 * within a bucket, and leave the move to the next bucket to {@code hasNext()}: both stay small
 * enough for the JIT to inline into the caller's loop, which then drops the entries (a
 * {@link org.jodb.btree.LongBTree}'s keep their key unboxed, {@code LongTreeEntry}) that the loop
 * only unpacks.
 *
 * <p><b>Capacities.</b> Buckets of 120 entries and nodes of 500 children for {@code long} keys
 * (ZODB's for integer keys, measured by {@code BTreeBenchmark}); 30 and 250 for object keys,
 * confirmed with {@code ObjectBTreeCapacityProbe} and {@code ObjectBTreeCapacityBenchmark} (random
 * 25-character strings, 200,000 entries, buckets of 15 to 120; the figures are in
 * {@link org.jodb.btree.ObjectBTree}). Both are set per tree at creation.
 *
 * <p><b>Walking and freeing memory.</b> {@link org.jodb.btree.TreeVisitor} and
 * {@link org.jodb.btree.TreePart} walk a tree's parts, loading only what the visitor asks for.
 * {@link org.jodb.Persistence#deactivateDeep} turns a tree (or set) and everything the connection
 * has loaded of it (values, buckets, nodes at any depth) back into ghosts, loading nothing; each
 * part stores a reference to its tree so that it can be told apart in the connection's cache
 * ({@link org.jodb.btree.TreeDeactivation}, public for {@code Persistence} only).
 *
 * <p>Internal: the bucket, node and size-stripe classes, the views and iterators, the key order.
 * They are persistent or serve persistent classes of this package; their layout may change.
 *
 * <p>Like every persistent object, a tree and its views are used by one connection's thread.
 */
package org.jodb.btree;
