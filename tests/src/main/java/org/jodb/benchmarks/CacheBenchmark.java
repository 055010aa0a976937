package org.jodb.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jodb.Persistence;
import org.jodb.cache.PersistentObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The object cache's hot paths, over {@link LoadedAccounts}: activating an already loaded object,
 * a hit by oid in sequential and in random oid order, each against a {@code HashMap<Long, Object>}
 * lookup over the same keys in the same order; and, over {@link GhostLoads}, loading a ghost
 * through the shared record cache against loading it from the storage, memory or file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheBenchmark {

    /** The hot path: an already loaded object asked to activate (one state read, one branch). */
    @Benchmark
    public PersistentObject activateLoaded(LoadedAccounts state) {
        PersistentObject object = state.accounts[state.nextSequential()];
        object.jodbActivate();
        return object;
    }

    /** The identity map lookup by oid, hitting, oids in allocation order. */
    @Benchmark
    public PersistentObject cacheHitByOid(LoadedAccounts state) {
        return state.cache.peek(state.oids[state.nextSequential()]);
    }

    /** The identity map lookup by oid, hitting, oids in random order. */
    @Benchmark
    public PersistentObject cacheHitByOidRandom(LoadedAccounts state) {
        return state.cache.peek(state.oids[state.nextRandom()]);
    }

    /** The lookup through the public API, oids in random order. */
    @Benchmark
    public Object connectionGetHitRandom(LoadedAccounts state) {
        return state.connection.get(state.oids[state.nextRandom()]);
    }

    /** The baseline of {@link #cacheHitByOid}: a HashMap lookup by a pre-boxed Long. */
    @Benchmark
    public Object hashMapGet(LoadedAccounts state) {
        return state.hashMap.get(state.boxedOids[state.nextSequential()]);
    }

    /** The baseline of {@link #cacheHitByOidRandom}. */
    @Benchmark
    public Object hashMapGetRandom(LoadedAccounts state) {
        return state.hashMap.get(state.boxedOids[state.nextRandom()]);
    }

    /** Ghost -> loaded: from the record cache when enabled, else from the storage. */
    @Benchmark
    public Object loadGhost(GhostLoads state) {
        BenchAccount account = state.nextAccount();
        Persistence.deactivate(account);
        account.balance();
        return account;
    }
}
