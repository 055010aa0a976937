package org.jodb.cache;

/**
 * The sentinel of the intrusive recency ring: a node that is never a real object, so linking and
 * unlinking need no null checks. Only its link accessors are meaningful.
 */
final class RingHead implements PersistentObject {
    private PersistentObject previous = this;
    private PersistentObject next = this;

    @Override public PersistentObject $jodbPrev() { return previous; }
    @Override public void $jodbPrev(PersistentObject p) { previous = p; }
    @Override public PersistentObject $jodbNext() { return next; }
    @Override public void $jodbNext(PersistentObject n) { next = n; }

    // The ring head holds no state; it reports itself as sticky so that nothing ever evicts it.
    @Override public byte $jodbState() { return StateCodes.STICKY; }
    @Override public void $jodbState(byte code) { throw new UnsupportedOperationException(); }
    @Override public long $jodbOid() { return 0; }
    @Override public void $jodbOid(long oid) { throw new UnsupportedOperationException(); }
    @Override public long $jodbSerial() { return 0; }
    @Override public void $jodbSerial(long serial) { throw new UnsupportedOperationException(); }
    @Override public StateManager $jodbManager() { return null; }
    @Override public void $jodbManager(StateManager manager) { throw new UnsupportedOperationException(); }
    @Override public int $jodbSize() { return 0; }
    @Override public void $jodbSize(int bytes) { throw new UnsupportedOperationException(); }
    @Override public long $jodbDigest() { return 0; }
    @Override public void $jodbDigest(long digest) { throw new UnsupportedOperationException(); }
    @Override public void $jodbBeforeRead() { }
    @Override public void $jodbBeforeWrite() { }
}
