package org.jodb.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.Persistence;
import org.jodb.cache.HeapMeter;
import org.jodb.cache.ObjectCache;
import org.jodb.cache.PersistentObject;
import org.jodb.collections.PersistentList;
import org.junit.jupiter.api.Test;

/**
 * The cache's calibrated byte estimate against JOL's measured size of each object's state, for
 * objects of several shapes. Calibration samples the first loads of a class in one connection;
 * the error is measured on other objects of the class loaded by another connection, which get
 * pure estimates.
 */
class SizeEstimateTest {
    static final int CALIBRATION = 8;
    static final int MEASURED = 100;
    static final double MAX_ERROR = 0.25;

    @Test
    void estimatesAreWithinAQuarterOfJolForEveryShape() {
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        ok &= check("small fields", Shapes.SmallFields::new, report);
        ok &= check("large strings", Shapes.LargeString::new, report);
        ok &= check("big arrays", Shapes.BigArrays::new, report);
        ok &= check("nested collections", Shapes.NestedCollections::new, report);
        System.out.print(report);
        assertTrue(ok, report.toString());
    }

    private static boolean check(String shape, Function<Random, Object> factory, StringBuilder report) {
        HeapMeter meter = HeapMeter.jol();
        Random random = new Random(shape.hashCode());
        try (Database db = Database.inMemory()) {
            db.transact(conn -> {
                PersistentList<Object> list = new PersistentList<>();
                for (int i = 0; i < CALIBRATION + MEASURED; i++) {
                    list.add(factory.apply(random));
                }
                conn.root().put("objects", list);
            });
            try (Connection calibrating = db.open(); Connection measuring = db.open()) {
                loadRange(calibrating, 0, CALIBRATION, null);
                long[] totals = new long[2];
                loadRange(measuring, CALIBRATION, CALIBRATION + MEASURED, object -> {
                    totals[0] += ObjectCache.estimatedSize(object);
                    totals[1] += meter.stateSize(object);
                });
                double error = (double) (totals[0] - totals[1]) / totals[1];
                report.append(String.format("[size-estimate] %-20s estimated %,12d  JOL %,12d  error %+6.1f%%%n",
                        shape, totals[0], totals[1], 100 * error));
                return Math.abs(error) <= MAX_ERROR;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void loadRange(Connection conn, int from, int to, java.util.function.Consumer<PersistentObject> each) {
        PersistentList<Object> list = (PersistentList<Object>) conn.root().get("objects");
        for (int i = from; i < to; i++) {
            PersistentObject object = (PersistentObject) list.get(i);
            object.jodbActivate();
            if (each != null) {
                each.accept(object);
            }
        }
        Persistence.oid(list);
    }
}
