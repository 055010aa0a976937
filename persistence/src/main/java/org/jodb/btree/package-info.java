/**
 * Persistent B+trees: sorted collections that scale to millions of entries because each part is
 * its own record.
 *
 * <p>{@link org.jodb.btree.LongBTree} maps {@code long} keys to values as a
 * {@link java.util.NavigableMap}. Its internal nodes and buckets are separate persistent objects,
 * loaded as ghosts and only when a lookup or scan passes through them; a change writes the bucket
 * it touches (and its parents only on a split or when a bucket empties), so a commit's cost does
 * not grow with the tree. {@link org.jodb.btree.LongTreeVisitor} and
 * {@link org.jodb.btree.TreePart} walk a tree's parts, loading only what the visitor asks for.
 * {@link org.jodb.Persistence#deactivateDeep} turns a tree and everything the connection has
 * loaded of it (values, buckets, nodes at any depth) back into ghosts, loading nothing; each part
 * stores a reference to its tree so that it can be told apart in the connection's cache
 * ({@link org.jodb.btree.TreeDeactivation}, public for {@code Persistence} only).
 *
 * <p>Internal: the bucket, node and size-stripe classes, the views and iterators. They are
 * persistent or serve persistent classes of this package; their layout may change.
 *
 * <p>Like every persistent object, a tree and its views are used by one connection's thread.
 */
package org.jodb.btree;
