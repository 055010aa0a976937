package org.jodb.storage.memory;

import java.util.Arrays;
import org.jodb.storage.Record;

/**
 * The retained versions of one object, oldest first, as an immutable array.
 *
 * <p>Immutable so that readers can search a chain without locking while a commit or a reclamation
 * publishes a replacement: a reader holds either the old or the new chain, never a torn one.
 * Chains are short because reclamation keeps only versions a pinned revision can see.
 */
final class VersionChain {
    private final Record[] versions;

    private VersionChain(Record[] versions) {
        this.versions = versions;
    }

    /** A chain holding only the first version of a new object. */
    static VersionChain of(Record first) {
        return new VersionChain(new Record[] {first});
    }

    /**
     * A version that marks the object removed by garbage collection at {@code revision}: readers
     * at or after it find no object. It is the newest version of its chain for good (oids are
     * never reused) and goes with the chain once the versions before it are reclaimed.
     */
    static Record removal(long oid, long revision) {
        return new Record(oid, revision, 0, null, null);
    }

    static boolean isRemoval(Record record) {
        return record.payload() == null;
    }

    /** Whether only the removal marker is left: no revision can see the object any more. */
    boolean isOnlyRemoval() {
        return versions.length == 1 && isRemoval(versions[0]);
    }

    /** The newest version; a chain is never empty because the newest version is never reclaimed. */
    Record newest() {
        return versions[versions.length - 1];
    }

    int size() {
        return versions.length;
    }

    /** The newest version with serial at or before {@code revision} (maybe a removal), or null. */
    Record visibleAt(long revision) {
        int lo = 0;
        int hi = versions.length - 1;
        Record found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (versions[mid].serial() <= revision) {
                found = versions[mid];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** A new chain with {@code newer} appended; its serial must exceed every serial held. */
    VersionChain append(Record newer) {
        Record[] copy = Arrays.copyOf(versions, versions.length + 1);
        copy[versions.length] = newer;
        return new VersionChain(copy);
    }

    /** A new chain without the version of {@code serial}, or this chain if it holds no such version. */
    VersionChain without(long serial) {
        for (int i = 0; i < versions.length; i++) {
            if (versions[i].serial() == serial) {
                Record[] copy = new Record[versions.length - 1];
                System.arraycopy(versions, 0, copy, 0, i);
                System.arraycopy(versions, i + 1, copy, i, versions.length - i - 1);
                return new VersionChain(copy);
            }
        }
        return this;
    }
}
