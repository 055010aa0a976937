package org.jodb.serialization;

import java.util.Arrays;

/**
 * A reusable insertion-ordered set of oids (open addressing, no boxing), collecting the distinct
 * references of one record. Not thread-safe: one per codec.
 */
final class OidSet {
    private long[] order = new long[16];
    private int size;
    private long[] table = new long[32]; // 0 marks a free slot; oid 0 is never referenced

    void clear() {
        if (size > 0) {
            Arrays.fill(table, 0L);
            size = 0;
        }
        if (table.length > 4096) { // do not keep a huge table alive after one big record
            table = new long[32];
            order = new long[16];
        }
    }

    void add(long oid) {
        int mask = table.length - 1;
        int i = (int) (mix(oid) & mask);
        while (table[i] != 0) {
            if (table[i] == oid) {
                return;
            }
            i = (i + 1) & mask;
        }
        table[i] = oid;
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = oid;
        if (size * 2 > table.length) {
            rehash();
        }
    }

    long[] toArray() {
        return Arrays.copyOf(order, size);
    }

    private void rehash() {
        table = new long[table.length * 2];
        int mask = table.length - 1;
        for (int k = 0; k < size; k++) {
            int i = (int) (mix(order[k]) & mask);
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = order[k];
        }
    }

    private static long mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 32);
    }
}
