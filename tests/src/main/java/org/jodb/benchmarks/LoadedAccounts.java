package org.jodb.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.Persistence;
import org.jodb.cache.ObjectCacheView;
import org.jodb.cache.PersistentObject;
import org.jodb.collections.PersistentList;
import org.jodb.storage.memory.MemoryStorage;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code objects} accounts loaded in one connection's cache, with a {@code HashMap<Long, Object>}
 * over the same oids (keys pre-boxed, so the map pays no boxing) and two orders to visit them in:
 * sequential (oid order, as the storage allocated them) and a fixed random permutation.
 */
@State(Scope.Thread)
public class LoadedAccounts {
    @Param({"10000", "1000000"})
    public int objects;

    Database db;
    Connection connection;
    ObjectCacheView cache;
    long[] oids;
    Long[] boxedOids;
    Map<Long, Object> hashMap;
    PersistentObject[] accounts;
    int[] randomOrder;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        DatabaseOptions options = DatabaseOptions.defaults().withCacheTargetCount(2 * objects)
                .withCacheTargetBytes(1L << 40);
        db = Database.open(new MemoryStorage(), options);
        db.transact(c -> {
            PersistentList<BenchAccount> list = new PersistentList<>();
            for (int i = 0; i < objects; i++) {
                list.add(new BenchAccount("owner" + i, i));
            }
            c.root().put("accounts", list);
        });
        connection = db.open();
        cache = connection.objectCache();
        @SuppressWarnings("unchecked")
        PersistentList<BenchAccount> list = (PersistentList<BenchAccount>) connection.root().get("accounts");
        oids = new long[objects];
        boxedOids = new Long[objects];
        accounts = new PersistentObject[objects];
        hashMap = new HashMap<>();
        for (int i = 0; i < objects; i++) {
            BenchAccount account = list.get(i);
            account.balance();
            accounts[i] = (PersistentObject) account;
            oids[i] = Persistence.oid(account);
            boxedOids[i] = oids[i];
            hashMap.put(boxedOids[i], account);
        }
        randomOrder = permutation(objects, new Random(17));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        connection.close();
        db.close();
    }

    /** The next index in oid order, wrapping around. */
    int nextSequential() {
        int i = next + 1;
        next = i == objects ? 0 : i;
        return next;
    }

    /** The next index in the random order, wrapping around. */
    int nextRandom() {
        return randomOrder[nextSequential()];
    }

    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
