package org.jodb.serialization;

import org.jodb.Persistent;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateManager;
import org.jodb.enhance.Enhanced;

/** Hand-written stand-in for what the enhancer generates: the $jodb fields and accessors. */
@Persistent
@Enhanced
abstract class TestPersistentBase implements PersistentObject {
    private byte $jodbState;
    private long $jodbOid;
    private long $jodbSerial;
    private StateManager $jodbManager;
    private PersistentObject $jodbPrev;
    private PersistentObject $jodbNext;
    private int $jodbSize;
    private long $jodbDigest;
    /** Counts $jodbBeforeRead calls, to show that encoding never triggers them. */
    transient int reads;

    @Override public byte $jodbState() { return $jodbState; }
    @Override public void $jodbState(byte code) { $jodbState = code; }
    @Override public long $jodbOid() { return $jodbOid; }
    @Override public void $jodbOid(long oid) { $jodbOid = oid; }
    @Override public long $jodbSerial() { return $jodbSerial; }
    @Override public void $jodbSerial(long serial) { $jodbSerial = serial; }
    @Override public StateManager $jodbManager() { return $jodbManager; }
    @Override public void $jodbManager(StateManager manager) { $jodbManager = manager; }
    @Override public PersistentObject $jodbPrev() { return $jodbPrev; }
    @Override public void $jodbPrev(PersistentObject previous) { $jodbPrev = previous; }
    @Override public PersistentObject $jodbNext() { return $jodbNext; }
    @Override public void $jodbNext(PersistentObject next) { $jodbNext = next; }
    @Override public int $jodbSize() { return $jodbSize; }
    @Override public void $jodbSize(int bytes) { $jodbSize = bytes; }
    @Override public long $jodbDigest() { return $jodbDigest; }
    @Override public void $jodbDigest(long digest) { $jodbDigest = digest; }
    @Override public void $jodbBeforeRead() { reads++; }
    @Override public void $jodbBeforeWrite() {}
}
