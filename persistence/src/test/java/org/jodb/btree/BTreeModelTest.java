package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Persistence;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mixed operations on a {@link BTree} and on a {@link TreeMap} with the same order, every
 * result compared (values, entries, exceptions): map and navigation methods, sub/head/tail and
 * descending views (nested, writes through them, out-of-range keys), iteration with
 * {@code remove} and {@code setValue}, across commits, aborts (the model rolls back too),
 * {@code minimize()}, deep deactivations, reloads in a new connection and in a newly opened
 * database. Small, random capacities make a deep tree that splits and unlinks often; phases of
 * growth and shrinkage empty it now and then. A subclass gives the kind of tree and its keys.
 *
 * <p>{@code -Djodb.btree.ops=N} runs more operations (100,000 by default),
 * {@code -Djodb.btree.seed=S} repeats a run; the seed is printed.
 *
 * @param <K> the key type
 */
abstract class BTreeModelTest<K> {
    /** More than the keys drawn can make: an iterator that yields more runs away. */
    private static final int MAX_ELEMENTS = 10_000;
    private static final int OPERATIONS = Integer.getInteger("jodb.btree.ops", 100_000);

    @TempDir
    Path dir;

    private Random random;
    private long seed;
    private int step;
    private TreeMap<K, String> committed;
    private TreeMap<K, String> model;
    private BTree<K, String> tree;

    /** A new, empty tree of the kind under test. */
    abstract BTree<K, String> newTree(int bucketCapacity, int nodeCapacity);

    /** A new, empty map in the order of the tree's keys. */
    abstract TreeMap<K, String> newModel();

    /**
     * The key numbered {@code n}: keys of larger numbers come later in the tree's order, so that
     * {@code key(n + d)} is a key {@code d} steps after {@code key(n)}. {@link Long#MIN_VALUE} and
     * {@link Long#MAX_VALUE} give the extreme keys.
     */
    abstract K key(long n);

    @Test
    void randomOperationsMatchTreeMap() {
        // preemptive: a broken iterator can loop forever; then the test fails instead of hanging
        assertTimeoutPreemptively(Duration.ofSeconds(120 + OPERATIONS / 2_000), this::run);
    }

    private void run() {
        seed = Long.getLong("jodb.btree.seed", System.nanoTime());
        random = new Random(seed);
        int bucketCapacity = 2 + random.nextInt(15);
        int nodeCapacity = 3 + random.nextInt(6);
        System.out.printf("[btree-model] %s: seed %d, %d operations, bucket %d, node %d%n",
                getClass().getSimpleName(), seed, OPERATIONS, bucketCapacity, nodeCapacity);
        committed = newModel();
        model = newModel();
        Path file = dir.resolve("model.jodb");
        Database db = open(file);
        Connection conn = db.open();
        try {
            conn.root().put("tree", newTree(bucketCapacity, nodeCapacity));
            conn.commit();
            tree = tree(conn);
            int maxDepth = 0;
            for (step = 0; step < OPERATIONS; step++) {
                boolean growing = (step / 20_000) % 2 == 0;
                operate(growing);
                int roll = random.nextInt(1000);
                if (roll < 8) {
                    conn.commit();
                    committed = copy(model);
                } else if (roll < 11) {
                    conn.abort();
                    model = copy(committed);
                } else if (roll < 12) {
                    conn.minimize();
                } else if (roll < 13) {
                    Persistence.deactivateDeep(tree); // changed parts stay; the rest reloads on use
                } else if (roll == 13 && random.nextInt(4) == 0) {
                    conn.commit();
                    committed = copy(model);
                    conn.close();
                    if (random.nextInt(3) == 0) {
                        db.close();
                        db = open(file);
                    }
                    conn = db.open();
                    tree = tree(conn);
                }
                if (step % 2_000 == 0) {
                    maxDepth = Math.max(maxDepth, TreeInvariants.check(tree));
                    assertEquals(model, tree, "whole map at step " + step + ", seed " + seed);
                    assertEquals(tree, model, "whole map at step " + step + ", seed " + seed);
                    assertEquals(model.hashCode(), tree.hashCode());
                }
            }
            conn.commit();
            TreeInvariants.check(tree);
            assertEquals(model.toString(), tree.toString());
            System.out.printf("[btree-model] done: %d entries, deepest tree seen %d levels%n", tree.size(), maxDepth);
        } finally {
            conn.close();
            db.close();
        }
    }

    private static Database open(Path file) {
        return Database.open(FileStorage.open(file, FileStorageOptions.defaults().withSync(false)));
    }

    @SuppressWarnings("unchecked")
    private BTree<K, String> tree(Connection conn) {
        return (BTree<K, String>) conn.root().get("tree");
    }

    /** A random key number; see {@link #key(long)}. */
    private long number() {
        int roll = random.nextInt(100);
        if (roll == 0) {
            return random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return random.nextInt(3_000) - 1_000;
    }

    private K key() {
        return key(number());
    }

    private String value() {
        return random.nextInt(50) == 0 ? null : "v" + random.nextInt(100_000);
    }

    private void operate(boolean growing) {
        int roll = random.nextInt(100);
        K key = key();
        if (roll < (growing ? 35 : 15)) {
            String value = value();
            same("put", m -> m.put(key, value));
        } else if (roll < 50) {
            same("remove", m -> m.remove(key));
        } else if (roll < 58) {
            same("get", m -> m.get(key) + "/" + m.containsKey(key));
        } else if (roll < 70) {
            navigate(key, random.nextInt(14));
        } else if (roll < 72) {
            same("size", m -> m.size() + "/" + m.isEmpty());
        } else {
            onView(randomView());
        }
    }

    /** One navigation method on the map (or on a view: {@code view} picks it). */
    private void navigate(K key, int which) {
        navigateOn(Function.identity(), key, which);
    }

    private void navigateOn(Function<NavigableMap<K, String>, NavigableMap<K, String>> view, K key, int which) {
        switch (which) {
            case 0 -> same("ceilingEntry", m -> view.apply(m).ceilingEntry(key));
            case 1 -> same("floorEntry", m -> view.apply(m).floorEntry(key));
            case 2 -> same("higherEntry", m -> view.apply(m).higherEntry(key));
            case 3 -> same("lowerEntry", m -> view.apply(m).lowerEntry(key));
            case 4 -> same("ceilingKey", m -> view.apply(m).ceilingKey(key) + "," + view.apply(m).floorKey(key));
            case 5 -> same("higherKey", m -> view.apply(m).higherKey(key) + "," + view.apply(m).lowerKey(key));
            case 6 -> same("firstEntry", m -> view.apply(m).firstEntry() + "," + view.apply(m).lastEntry());
            case 7 -> same("firstKey", m -> view.apply(m).firstKey());
            case 8 -> same("lastKey", m -> view.apply(m).lastKey());
            case 9 -> same("pollFirstEntry", m -> view.apply(m).pollFirstEntry());
            case 10 -> same("pollLastEntry", m -> view.apply(m).pollLastEntry());
            case 11 -> same("keySet.ceiling", m -> view.apply(m).navigableKeySet().ceiling(key) + ","
                    + view.apply(m).descendingKeySet().higher(key));
            case 12 -> same("keySet.pollFirst", m -> view.apply(m).navigableKeySet().pollFirst());
            default -> same("descendingKeySet.pollFirst", m -> view.apply(m).descendingKeySet().pollFirst());
        }
    }

    /** A random view: sub, head or tail, inclusive or not, maybe descending, maybe nested. */
    private Function<NavigableMap<K, String>, NavigableMap<K, String>> randomView() {
        Function<NavigableMap<K, String>, NavigableMap<K, String>> view = Function.identity();
        int depth = 1 + random.nextInt(2);
        for (int i = 0; i < depth; i++) {
            long n = number();
            K a = key(n);
            // sometimes b < a: fromKey > toKey
            K b = random.nextInt(10) == 0 ? key() : key(n + random.nextInt(400));
            boolean ai = random.nextBoolean();
            boolean bi = random.nextBoolean();
            Function<NavigableMap<K, String>, NavigableMap<K, String>> outer = switch (random.nextInt(7)) {
                case 0 -> m -> m.subMap(a, ai, b, bi);
                case 1 -> m -> m.headMap(b, bi);
                case 2 -> m -> m.tailMap(a, ai);
                case 3 -> NavigableMap::descendingMap;
                case 4 -> m -> (NavigableMap<K, String>) m.subMap(a, b);
                case 5 -> m -> (NavigableMap<K, String>) m.headMap(b);
                default -> m -> (NavigableMap<K, String>) m.tailMap(a);
            };
            view = view.andThen(outer);
        }
        return view;
    }

    private void onView(Function<NavigableMap<K, String>, NavigableMap<K, String>> view) {
        long n = number();
        K key = key(n);
        K near = key(n + 50);
        long localSeed = random.nextLong();
        int roll = random.nextInt(100);
        if (roll < 12) {
            String value = value();
            same("view.put", m -> view.apply(m).put(key, value));
        } else if (roll < 20) {
            same("view.remove", m -> view.apply(m).remove(key) + "/" + view.apply(m).get(key));
        } else if (roll < 40) {
            navigateOn(view, key, random.nextInt(14));
        } else if (roll < 48) {
            same("view.entries", m -> entries(view.apply(m).entrySet().iterator(), MAX_ELEMENTS));
        } else if (roll < 54) {
            same("view.descendingKeys", m -> elements(view.apply(m).descendingKeySet().iterator()));
        } else if (roll < 58) {
            same("view.descendingIterator", m -> elements(view.apply(m).navigableKeySet().descendingIterator()));
        } else if (roll < 62) {
            same("view.values", m -> elements(view.apply(m).values().iterator()));
        } else if (roll < 72) {
            same("view.iteratorRemove", m -> removeSome(view.apply(m).entrySet().iterator(), new Random(localSeed)));
        } else if (roll < 78) {
            same("view.keyIteratorRemove", m -> removeSomeKeys(view.apply(m).keySet().iterator(), new Random(localSeed)));
        } else if (roll < 84) {
            String value = value();
            same("view.setValue", m -> setSome(view.apply(m).entrySet().iterator(), new Random(localSeed), value));
        } else if (roll < 88) {
            same("view.size", m -> view.apply(m).size() + "/" + view.apply(m).isEmpty() + "/"
                    + view.apply(m).containsKey(key) + "/" + view.apply(m).keySet().contains(key));
        } else if (roll < 91) {
            same("view.equals", m -> view.apply(m).hashCode() + "/" + view.apply(m).toString() + "/"
                    + view.apply(m).equals(new TreeMap<>(view.apply(m))));
        } else if (roll < 93) {
            same("view.keySet.remove", m -> view.apply(m).keySet().remove(key));
        } else if (roll < 95) {
            same("view.subSet", m -> elements(view.apply(m).navigableKeySet()
                    .subSet(key, random(localSeed), near, random(localSeed + 1)).iterator()));
        } else if (roll < 96 && random.nextInt(4) == 0) {
            same("view.clear", m -> {
                NavigableMap<K, String> v = view.apply(m);
                v.clear();
                return v.size();
            });
        } else {
            same("view.entrySet.remove", m -> view.apply(m).entrySet().remove(Map.entry(key, "v" + localSeed % 3)));
        }
    }

    /** A copy in the same order. */
    private static <K> TreeMap<K, String> copy(TreeMap<K, String> map) {
        return new TreeMap<>((java.util.SortedMap<K, String>) map);
    }

    private static boolean random(long seed) {
        return new Random(seed).nextBoolean();
    }

    /** The first {@code limit} entries as text. */
    private static <K> List<String> entries(Iterator<Map.Entry<K, String>> iterator, int limit) {
        List<String> seen = new ArrayList<>();
        while (iterator.hasNext() && seen.size() < limit) {
            Map.Entry<K, String> entry = iterator.next();
            seen.add(entry.getKey() + "=" + entry.getValue());
        }
        return seen;
    }

    private static List<Object> elements(Iterator<?> iterator) {
        List<Object> seen = new ArrayList<>();
        while (iterator.hasNext() && seen.size() < MAX_ELEMENTS) {
            seen.add(iterator.next());
        }
        return seen;
    }

    private static <K> List<String> removeSome(Iterator<Map.Entry<K, String>> iterator, Random choices) {
        List<String> seen = new ArrayList<>();
        while (iterator.hasNext() && seen.size() < MAX_ELEMENTS) { // a runaway iterator fails, not hangs
            Map.Entry<K, String> entry = iterator.next();
            seen.add(entry.getKey() + "=" + entry.getValue());
            if (choices.nextInt(3) == 0) {
                iterator.remove();
                seen.add("removed");
            }
        }
        return seen;
    }

    private static List<Object> removeSomeKeys(Iterator<?> iterator, Random choices) {
        List<Object> seen = new ArrayList<>();
        while (iterator.hasNext() && seen.size() < MAX_ELEMENTS) { // a runaway iterator fails, not hangs
            seen.add(iterator.next());
            if (choices.nextBoolean()) {
                iterator.remove();
            }
            if (choices.nextInt(10) == 0) {
                try {
                    iterator.remove(); // twice in a row: IllegalStateException unless removed once
                } catch (IllegalStateException expected) {
                    seen.add("twice");
                }
            }
        }
        return seen;
    }

    private static <K> List<String> setSome(Iterator<Map.Entry<K, String>> iterator, Random choices, String value) {
        List<String> seen = new ArrayList<>();
        while (iterator.hasNext() && seen.size() < MAX_ELEMENTS) { // a runaway iterator fails, not hangs
            Map.Entry<K, String> entry = iterator.next();
            if (choices.nextInt(4) == 0) {
                seen.add(entry.setValue(value) + "->" + entry.getValue());
            }
        }
        return seen;
    }

    /** Applies {@code operation} to the model and to the tree; results or exception classes must match. */
    private void same(String what, Function<NavigableMap<K, String>, Object> operation) {
        Object expected = outcome(operation, model);
        Object actual = outcome(operation, tree);
        if (!Objects.equals(expected, actual)) {
            assertEquals(expected, actual, what + " at step " + step + ", seed " + seed);
        }
    }

    private static <K> Object outcome(Function<NavigableMap<K, String>, Object> operation, NavigableMap<K, String> map) {
        try {
            Object result = operation.apply(map);
            return result instanceof Map.Entry ? Map.entry(((Map.Entry<?, ?>) result).getKey(),
                    String.valueOf(((Map.Entry<?, ?>) result).getValue())) : result;
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }
}
