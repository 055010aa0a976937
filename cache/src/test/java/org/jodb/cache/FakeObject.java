package org.jodb.cache;

/**
 * A hand-written {@link PersistentObject} for the cache's own tests (the cache module does not
 * run the enhancer): plain fields for the generated accessors, no persistent fields of its own.
 * It counts reads of its state code, so tests can show how many objects an operation visited, and
 * its own ACCESSED-to-UPTODATE transitions, so they can show none is done twice.
 */
final class FakeObject implements PersistentObject {
    /** Reads of any fake object's state code, across all instances; tests reset it. */
    static long stateReads;

    private byte state = StateCodes.GHOST;
    private long oid;
    private long serial;
    private StateManager manager;
    private PersistentObject previous;
    private PersistentObject next;
    private int size;
    private long digest;
    /** How often this object went from ACCESSED to UPTODATE. */
    int resets;

    FakeObject(long oid) {
        this.oid = oid;
    }

    /** A loaded (UPTODATE, already used) object with this oid. */
    static FakeObject loaded(long oid) {
        FakeObject object = new FakeObject(oid);
        object.state = StateCodes.ACCESSED;
        return object;
    }

    @Override public byte $jodbState() { stateReads++; return state; }
    @Override public void $jodbState(byte code) {
        if (state == StateCodes.ACCESSED && code == StateCodes.UPTODATE) {
            resets++;
        }
        state = code;
    }
    @Override public long $jodbOid() { return oid; }
    @Override public void $jodbOid(long id) { oid = id; }
    @Override public long $jodbSerial() { return serial; }
    @Override public void $jodbSerial(long s) { serial = s; }
    @Override public StateManager $jodbManager() { return manager; }
    @Override public void $jodbManager(StateManager m) { manager = m; }
    @Override public PersistentObject $jodbPrev() { return previous; }
    @Override public void $jodbPrev(PersistentObject p) { previous = p; }
    @Override public PersistentObject $jodbNext() { return next; }
    @Override public void $jodbNext(PersistentObject n) { next = n; }
    @Override public int $jodbSize() { return size; }
    @Override public void $jodbSize(int bytes) { size = bytes; }
    @Override public long $jodbDigest() { return digest; }
    @Override public void $jodbDigest(long value) { digest = value; }
    @Override public void $jodbBeforeRead() { }
    @Override public void $jodbBeforeWrite() { }

    /** The state code, without counting the read. */
    byte code() {
        return state;
    }

    @Override
    public String toString() {
        return "FakeObject[" + oid + "]";
    }
}
