package org.jodb.examples.profile;

import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.cache.HeapProfile;
import org.jodb.collections.PersistentList;
import org.jodb.storage.memory.MemoryStorage;

/**
 * Reads 50,000 notes with an object cache target of 2,000 and shows, with {@link HeapProfile},
 * what the connection's cache holds and what grew: the cache stays bounded however much is read.
 * Run with the JVM flags from the README (the examples' {@code -Pdemo} profile passes them).
 */
public final class HeapProfileDemo {
    private HeapProfileDemo() {}

    public static void main(String[] args) {
        DatabaseOptions options = DatabaseOptions.defaults().withCacheTargetCount(2_000);
        try (Database db = Database.open(new MemoryStorage(), options)) {
            db.transact(conn -> {
                PersistentList<Note> notes = new PersistentList<>();
                for (int i = 0; i < 50_000; i++) {
                    notes.add(new Note("note number " + i + " ".repeat(200)));
                }
                conn.root().put("notes", notes);
            });
            try (Connection conn = db.open()) {
                HeapProfile before = HeapProfile.of(conn);
                @SuppressWarnings("unchecked")
                List<Note> notes = (List<Note>) conn.root().get("notes");
                long characters = 0;
                for (int i = 0; i < notes.size(); i++) {
                    characters += notes.get(i).text().length();
                    if (i % 1_000 == 999) {
                        conn.commit();   // a transaction boundary: the cache shrinks to its target
                    }
                }
                conn.commit();
                HeapProfile after = HeapProfile.of(conn);
                System.out.println("read " + characters + " characters; cache: " + conn.cacheStats());
                after.print();
                System.out.println("growth since before the read:");
                System.out.print(HeapProfile.growthTable(after.growthSince(before)));
                System.out.println("database: " + db.stats());
            }
        }
    }
}
