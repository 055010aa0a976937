package org.jodb.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Persistence;
import org.junit.jupiter.api.Test;

/**
 * Random mixed operations on a {@link BTreeSet} and a {@link TreeSet} in the same order, every
 * result compared: add/remove/contains, navigation, poll, sub/head/tail and descending views with
 * writes and iterator removal through them, across commits, aborts, deep deactivations and
 * reloads in a new connection. A subclass gives the kind of set and its elements.
 * {@code -Djodb.btree.ops=N} runs more operations (50,000 by default); the seed is printed.
 *
 * @param <E> the element type
 */
abstract class BTreeSetModelTest<E> {
    /** More than the keys drawn can make: an iterator that yields more runs away. */
    private static final int MAX_ELEMENTS = 10_000;
    private static final int OPERATIONS = Integer.getInteger("jodb.btree.ops", 50_000);

    private Random random;
    private long seed;
    private int step;
    private TreeSet<E> committed;
    private TreeSet<E> model;
    private BTreeSet<E> set;

    /** A new, empty set of the kind under test. */
    abstract BTreeSet<E> newSet(int bucketCapacity, int nodeCapacity);

    /** A new, empty set in the same order. */
    abstract TreeSet<E> newModel();

    /** The element numbered {@code n}: larger numbers come later in the set's order. */
    abstract E element(long n);

    @Test
    void randomOperationsMatchTreeSet() {
        // preemptive: a broken iterator can loop forever; then the test fails instead of hanging
        assertTimeoutPreemptively(Duration.ofSeconds(120 + OPERATIONS / 2_000), this::run);
    }

    private void run() {
        seed = Long.getLong("jodb.btree.seed", System.nanoTime());
        random = new Random(seed);
        System.out.printf("[btree-set-model] %s: seed %d, %d operations%n", getClass().getSimpleName(), seed, OPERATIONS);
        committed = newModel();
        model = newModel();
        try (Database db = Database.inMemory()) {
            Connection conn = db.open();
            conn.root().put("set", newSet(2 + random.nextInt(10), 3 + random.nextInt(5)));
            conn.commit();
            set = set(conn);
            for (step = 0; step < OPERATIONS; step++) {
                operate((step / 10_000) % 2 == 0);
                int roll = random.nextInt(1000);
                if (roll < 8) {
                    conn.commit();
                    committed = copy(model);
                } else if (roll < 11) {
                    conn.abort();
                    model = copy(committed);
                } else if (roll < 13) {
                    conn.commit();
                    committed = copy(model);
                    conn.close();
                    conn = db.open();
                    set = set(conn);
                } else if (roll < 14) {
                    Persistence.deactivateDeep(set); // changed parts stay; the rest reloads on use
                }
                if (step % 2_000 == 0) {
                    assertEquals(model, set, "at step " + step + ", seed " + seed);
                    assertEquals(set, model);
                    assertEquals(model.hashCode(), set.hashCode());
                    TreeInvariants.check(set.tree());
                }
            }
            conn.close();
        }
    }

    @Test
    void nullElementsThrowNullPointerException() {
        BTreeSet<E> empty = newSet(4, 4);
        assertThrows(NullPointerException.class, () -> empty.add(null));
        assertThrows(NullPointerException.class, () -> empty.contains(null));
        assertThrows(NullPointerException.class, () -> empty.ceiling(null));
        assertEquals(0, empty.size());
    }

    @SuppressWarnings("unchecked")
    private BTreeSet<E> set(Connection conn) {
        return (BTreeSet<E>) conn.root().get("set");
    }

    /** A copy in the same order. */
    private static <E> TreeSet<E> copy(TreeSet<E> set) {
        return new TreeSet<>((java.util.SortedSet<E>) set);
    }

    private long number() {
        return random.nextInt(2_000) - 500;
    }

    private void operate(boolean growing) {
        long n = number();
        E e = element(n);
        E other = element(n + random.nextInt(300));
        boolean a = random.nextBoolean();
        boolean b = random.nextBoolean();
        long choices = random.nextLong();
        int roll = random.nextInt(100);
        if (roll < (growing ? 40 : 20)) {
            same("add", s -> s.add(e));
        } else if (roll < 55) {
            same("remove", s -> s.remove(e));
        } else if (roll < 62) {
            same("contains", s -> s.contains(e) + "/" + s.size() + "/" + s.isEmpty());
        } else if (roll < 72) {
            same("navigation", s -> s.ceiling(e) + "," + s.floor(e) + "," + s.higher(e) + "," + s.lower(e));
        } else if (roll < 75) {
            same("first", s -> s.first() + "," + s.last());
        } else if (roll < 77) {
            same("poll", s -> random(choices) ? s.pollFirst() : s.pollLast());
        } else {
            Function<NavigableSet<E>, NavigableSet<E>> view = switch (random.nextInt(5)) {
                case 0 -> s -> s.subSet(e, a, other, b);
                case 1 -> s -> s.headSet(other, b);
                case 2 -> s -> s.tailSet(e, a);
                case 3 -> s -> s.descendingSet().subSet(other, b, e, a);
                default -> s -> s.descendingSet().headSet(e, a);
            };
            E inside = element(number());
            switch (random.nextInt(5)) {
                case 0 -> same("view.add", s -> view.apply(s).add(inside));
                case 1 -> same("view.remove", s -> view.apply(s).remove(inside) + "/" + view.apply(s).size());
                case 2 -> same("view.iterate", s -> removeSome(view.apply(s).iterator(), new Random(choices)));
                case 3 -> same("view.descending", s -> removeSome(view.apply(s).descendingIterator(), new Random(choices)));
                default -> same("view.navigation", s -> view.apply(s).ceiling(inside) + "," + view.apply(s).lower(inside)
                        + "," + view.apply(s).pollFirst() + "," + view.apply(s).descendingSet().pollFirst());
            }
        }
    }

    private static boolean random(long seed) {
        return new Random(seed).nextBoolean();
    }

    private static <E> List<Object> removeSome(Iterator<E> iterator, Random choices) {
        List<Object> seen = new ArrayList<>();
        while (iterator.hasNext() && seen.size() < MAX_ELEMENTS) { // a runaway iterator fails, not hangs
            seen.add(iterator.next());
            if (choices.nextInt(3) == 0) {
                iterator.remove();
                seen.add("removed");
            }
        }
        return seen;
    }

    private void same(String what, Function<NavigableSet<E>, Object> operation) {
        Object expected = outcome(operation, model);
        Object actual = outcome(operation, set);
        if (!Objects.equals(expected, actual)) {
            assertEquals(expected, actual, what + " at step " + step + ", seed " + seed);
        }
    }

    private static <E> Object outcome(Function<NavigableSet<E>, Object> operation, NavigableSet<E> target) {
        try {
            return operation.apply(target);
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }
}
