package org.jodb.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jodb.Persistent;

/** Persistent objects of the shapes whose size the cache estimates, each with random dimensions. */
final class Shapes {
    private Shapes() {}

    @Persistent
    static class SmallFields {
        int a;
        long b;
        double c;
        boolean d;
        String name;

        SmallFields(Random random) {
            a = random.nextInt();
            b = random.nextLong();
            c = random.nextDouble();
            d = random.nextBoolean();
            name = "n" + random.nextInt(1000);
        }
    }

    @Persistent
    static class LargeString {
        String text;

        LargeString(Random random) {
            StringBuilder builder = new StringBuilder();
            int length = 1_000 + random.nextInt(20_000);
            for (int i = 0; i < length; i++) {
                builder.append((char) ('a' + random.nextInt(26)));
            }
            text = builder.toString();
        }
    }

    @Persistent
    static class BigArrays {
        long[] longs;
        int[] ints;

        BigArrays(Random random) {
            longs = new long[1_000 + random.nextInt(10_000)];
            ints = new int[1_000 + random.nextInt(10_000)];
            for (int i = 0; i < longs.length; i++) {
                longs[i] = random.nextLong();
            }
            for (int i = 0; i < ints.length; i++) {
                ints[i] = random.nextInt();
            }
        }
    }

    @Persistent
    static class NestedCollections {
        Map<String, List<Integer>> groups = new HashMap<>();

        NestedCollections(Random random) {
            int keys = 5 + random.nextInt(100);
            for (int k = 0; k < keys; k++) {
                List<Integer> values = new ArrayList<>();
                int n = random.nextInt(50);
                for (int i = 0; i < n; i++) {
                    values.add(random.nextInt(1_000_000));
                }
                groups.put("key-" + k, values);
            }
        }
    }
}
