package org.jodb.cache;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a connection's object cache holds on the heap, measured with JOL: the retained bytes of
 * the cache, its identity map, every object in it (loaded or ghost) and the state they own, with
 * instance counts and bytes by class. Shared things the cache only points to (the connection,
 * the database, classes, enum constants) are not counted.
 *
 * <pre>{@code
 * HeapProfile before = HeapProfile.of(connection);
 * ... read things ...
 * HeapProfile after = HeapProfile.of(connection);
 * after.print();                                   // the table, largest classes first
 * System.out.print(HeapProfile.growthTable(after.growthSince(before)));   // like objgraph.show_growth
 * }</pre>
 *
 * <p>Taking a profile walks the whole cache (time proportional to what it holds) on the calling
 * thread, which must be the one using the connection. A profile is an immutable value afterwards.
 * JOL needs JVM flags to run silently; see the README.
 */
public final class HeapProfile {
    private final List<ClassFootprint> classes;
    private final long totalBytes;
    private final long totalCount;

    private HeapProfile(List<ClassFootprint> classes) {
        this.classes = List.copyOf(classes);
        this.totalBytes = classes.stream().mapToLong(ClassFootprint::bytes).sum();
        this.totalCount = classes.stream().mapToLong(ClassFootprint::count).sum();
    }

    /**
     * The profile of a connection's cache.
     *
     * @throws IllegalStateException if JOL cannot inspect this JVM
     */
    public static HeapProfile of(CacheHolder holder) {
        return of(holder.objectCache().cache);
    }

    /**
     * The profile of one object cache. It first drops the identity-map entries of the ghosts the
     * JVM has already collected, so the profile shows what the cache still holds.
     */
    public static HeapProfile of(ObjectCache cache) {
        JolHeapMeter meter = JolHeapMeter.create();
        if (meter == null) {
            throw new IllegalStateException("JOL cannot inspect this JVM; see the README for the flags it needs");
        }
        cache.sweepCollected(); // entries of ghosts the JVM collected are no longer held
        Map<Class<?>, long[]> byClass = new HashMap<>();
        meter.walker().walk(List.of(cache), HeapProfile::notRetained, (object, size) -> {
            long[] totals = byClass.computeIfAbsent(object.getClass(), c -> new long[2]);
            totals[0]++;
            totals[1] += size;
        });
        List<ClassFootprint> classes = new ArrayList<>();
        byClass.forEach((type, totals) -> classes.add(new ClassFootprint(type.getName(), totals[0], totals[1])));
        classes.sort(Comparator.comparingLong(ClassFootprint::bytes).reversed()
                .thenComparing(ClassFootprint::className));
        return new HeapProfile(classes);
    }

    /** Retained bytes of everything in the profile. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Objects in the profile. */
    public long totalCount() {
        return totalCount;
    }

    /** Every class, largest total bytes first. */
    public List<ClassFootprint> classes() {
        return classes;
    }

    /** Instances of exactly this class. */
    public long count(Class<?> type) {
        return footprint(type.getName()).count();
    }

    /** Bytes of the instances of exactly this class. */
    public long bytes(Class<?> type) {
        return footprint(type.getName()).bytes();
    }

    /** The classes that gained instances or bytes since {@code earlier}, largest byte growth first. */
    public List<ClassGrowth> growthSince(HeapProfile earlier) {
        List<ClassGrowth> growth = new ArrayList<>();
        for (ClassFootprint now : classes) {
            ClassFootprint then = earlier.footprint(now.className());
            if (now.count() > then.count() || now.bytes() > then.bytes()) {
                growth.add(new ClassGrowth(now.className(), now.count(), now.count() - then.count(),
                        now.bytes(), now.bytes() - then.bytes()));
            }
        }
        growth.sort(Comparator.comparingLong(ClassGrowth::bytesDelta).reversed());
        return growth;
    }

    /**
     * Every class whose count or bytes changed since {@code earlier}, in either direction (a class
     * gone entirely shows with count 0), largest change in bytes first: what {@code minimize()} or
     * a collection freed, say.
     */
    public List<ClassGrowth> changesSince(HeapProfile earlier) {
        Map<String, ClassGrowth> changes = new HashMap<>();
        for (ClassFootprint now : classes) {
            ClassFootprint then = earlier.footprint(now.className());
            changes.put(now.className(), new ClassGrowth(now.className(), now.count(),
                    now.count() - then.count(), now.bytes(), now.bytes() - then.bytes()));
        }
        for (ClassFootprint then : earlier.classes) {
            changes.putIfAbsent(then.className(),
                    new ClassGrowth(then.className(), 0, -then.count(), 0, -then.bytes()));
        }
        List<ClassGrowth> changed = new ArrayList<>();
        for (ClassGrowth row : changes.values()) {
            if (row.countDelta() != 0 || row.bytesDelta() != 0) {
                changed.add(row);
            }
        }
        changed.sort(Comparator.comparingLong((ClassGrowth row) -> Math.abs(row.bytesDelta())).reversed()
                .thenComparing(ClassGrowth::className));
        return changed;
    }

    /** A printable table of growth rows (from {@link #growthSince} or {@link #changesSince}). */
    public static String growthTable(List<ClassGrowth> growth) {
        StringBuilder out = new StringBuilder(String.format("%-60s %10s %10s %14s %14s%n",
                "class", "count", "+count", "bytes", "+bytes"));
        for (ClassGrowth row : growth) {
            out.append(String.format("%-60s %10d %+10d %14d %+14d%n", row.className(), row.count(),
                    row.countDelta(), row.bytes(), row.bytesDelta()));
        }
        return out.toString();
    }

    /** A printable table: one line per class, then the total. */
    public String toTable() {
        StringBuilder out = new StringBuilder(String.format("%-60s %10s %14s%n", "class", "count", "bytes"));
        for (ClassFootprint row : classes) {
            out.append(String.format("%-60s %10d %14d%n", row.className(), row.count(), row.bytes()));
        }
        return out.append(String.format("%-60s %10d %14d%n", "total", totalCount, totalBytes)).toString();
    }

    /** Prints {@link #toTable()} to standard output. */
    public void print() {
        print(System.out);
    }

    /** Prints {@link #toTable()}. */
    public void print(PrintStream out) {
        out.print(toTable());
    }

    @Override
    public String toString() {
        return "HeapProfile[" + totalCount + " objects, " + totalBytes + " bytes]";
    }

    private ClassFootprint footprint(String className) {
        for (ClassFootprint row : classes) {
            if (row.className().equals(className)) {
                return row;
            }
        }
        return new ClassFootprint(className, 0, 0);
    }

    private static boolean notRetained(Object target) {
        return target instanceof StateManager || target instanceof SizeEstimator || target instanceof Enum
                || target instanceof CacheHolder;
    }
}
