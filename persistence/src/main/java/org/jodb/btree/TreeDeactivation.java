package org.jodb.btree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jodb.DeepDeactivation;
import org.jodb.Persistence;
import org.jodb.cache.ObjectState;
import org.jodb.cache.PersistentObject;

/**
 * Deep deactivation ({@link Persistence#deactivateDeep}): turns a {@link BTree} of either
 * kind (or a {@link BTreeSet} and its tree) into ghosts with everything of it that the connection has
 * loaded: its persistent values, buckets, internal nodes and size stripes, then the tree itself.
 * Public for {@code org.jodb.Persistence} only; application code calls that.
 *
 * <p><b>Finding the loaded parts.</b> A walk from the tree down through its loaded parts would
 * miss loaded parts whose parent is a ghost, and those are common, not a corner case:
 * <ul>
 * <li>an ascending iteration goes from bucket to bucket along the {@code next} links, so after a
 *     full scan nearly every bucket is loaded and nearly every internal node is still a ghost;</li>
 * <li>the cache's eviction and {@link Persistence#deactivate} ghost a node without its children,
 *     and a ghost's fields are cleared, so it no longer leads to them, while the cache's recency
 *     rings still hold them (and their values) strongly.</li>
 * </ul>
 * Loading ghost nodes to reach their children would read records to free memory. Instead every
 * bucket and node stores a reference to its tree, and this scans the objects the connection's
 * cache holds loaded, which is a superset of the tree's loaded parts, and picks those whose tree is
 * this one. Nothing is loaded, and the cost is one pass over the cache's loaded objects (no record
 * reads), whatever the size of the tree. The fields are read through {@link java.lang.invoke.VarHandle}s,
 * which bypass the enhanced read hook: reading an object of another tree reports no use to the
 * cache, and nothing begins a transaction.
 *
 * <p><b>What is left.</b> CHANGED and STICKY objects are left loaded and counted; objects first
 * stored in the current transaction are not in the cache yet and are left uncounted, as are ghosts.
 * Persistent values are found through the loaded buckets that hold them, the buckets that are
 * left included: a value loaded earlier through a bucket that is a ghost by now is not found (no
 * field of it names the tree), and the cache evicts it like any other object. A value that is
 * itself a tree is ghosted, not deep-deactivated. A {@link BTreeSet} that is a ghost does not
 * lead to its tree, so only the set is ghosted then: deep-deactivate a set while it is loaded.
 */
public final class TreeDeactivation {
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private int ghosted;
    private int leftChanged;
    private int leftSticky;

    private TreeDeactivation() {
    }

    /**
     * Deep-deactivates {@code object}: a tree or tree set as described above, any other persistent
     * object alone. {@code loadedObjects} gives the objects its connection's cache holds loaded;
     * it is asked only for a tree.
     */
    public static DeepDeactivation deactivate(Object object, Supplier<? extends List<? extends PersistentObject>> loadedObjects) {
        TreeDeactivation run = new TreeDeactivation();
        if (object instanceof BTreeSet) {
            BTree<?, ?> tree = BTreeSet.treeIfLoaded((BTreeSet<?>) object);
            if (tree != null) {
                run.tree(tree, loadedObjects.get());
            }
        } else if (object instanceof BTree) {
            run.tree((BTree<?, ?>) object, loadedObjects.get());
        }
        run.ghost(object);
        return new DeepDeactivation(run.ghosted, run.leftChanged, run.leftSticky);
    }

    /** Ghosts the tree's loaded values, buckets, nodes, stripes, then the tree. */
    private void tree(BTree<?, ?> tree, List<? extends PersistentObject> loaded) {
        List<Bucket> buckets = new ArrayList<>();
        List<TreeNode> nodes = new ArrayList<>();
        for (PersistentObject loadedObject : loaded) {
            Object candidate = loadedObject; // the source classes implement PersistentObject only once enhanced
            if (candidate instanceof Bucket && Bucket.treeIfLoaded((Bucket) candidate) == tree) {
                buckets.add((Bucket) candidate);
            } else if (candidate instanceof TreeNode && TreeNode.treeIfLoaded((TreeNode) candidate) == tree) {
                nodes.add((TreeNode) candidate);
            }
        }
        SizeStripe[] stripes = BTree.sizeStripesIfLoaded(tree); // read before the tree is ghosted
        for (Bucket bucket : buckets) { // values first: ghosting a bucket clears its values
            for (Object value : Bucket.valuesIfLoaded(bucket)) {
                if (value instanceof PersistentObject) {
                    ghost(value);
                }
            }
        }
        buckets.forEach(this::ghost);
        nodes.forEach(this::ghost);
        for (SizeStripe stripe : stripes) {
            if (stripe != null) {
                ghost(stripe);
            }
        }
        ghost(tree);
    }

    /** Ghosts one object if it is loaded and neither CHANGED nor STICKY, counting what it does. */
    private void ghost(Object object) {
        if (!seen.add(object)) {
            return;
        }
        ObjectState before = Persistence.state(object);
        if (before == ObjectState.TRANSIENT) {
            return;
        }
        // Called on ghosts and CHANGED/STICKY objects too (it does nothing to them), so that a
        // closed connection throws as plain deactivate() does.
        Persistence.deactivate(object);
        ObjectState after = Persistence.state(object);
        if (after == ObjectState.GHOST) {
            if (before != ObjectState.GHOST) {
                ghosted++;
            }
        } else if (after == ObjectState.CHANGED) { // CHANGED before, or found changed in place
            leftChanged++;
        } else if (after == ObjectState.STICKY) {
            leftSticky++;
        }
    }
}
