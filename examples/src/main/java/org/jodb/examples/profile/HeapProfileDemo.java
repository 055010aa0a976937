package org.jodb.examples.profile;

import java.util.List;
import org.jodb.Connection;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.cache.HeapProfile;
import org.jodb.collections.PersistentList;
import org.jodb.storage.memory.MemoryStorage;

/**
 * Reads 50,000 notes through a connection whose object cache keeps 2,000 loaded, and shows with
 * {@link HeapProfile} what reading grew in that connection's cache and what {@code minimize()}
 * then freed. Run with the JVM flags from the README (the examples' {@code -Pdemo} profile passes
 * them).
 */
public final class HeapProfileDemo {
    static final int NOTES = 50_000;

    private HeapProfileDemo() {}

    public static void main(String[] args) {
        DatabaseOptions options = DatabaseOptions.defaults().withCacheTargetCount(2_000);
        try (Database db = Database.open(new MemoryStorage(), options);
             Connection conn = db.open()) {
            // Stored through another connection (conn is in use), so conn's cache starts empty.
            db.transact(writer -> writer.root().put("notes", newNotes()));

            HeapProfile empty = HeapProfile.of(conn);
            long characters = readAll(conn);
            HeapProfile afterReading = HeapProfile.of(conn);
            System.out.printf("read %,d characters; %s%n", characters, conn.cacheStats());
            System.out.println("\nWhat reading grew: the loaded notes with their text, a ghost for every other"
                    + " note, the identity map (OidReference) and the list:");
            System.out.print(HeapProfile.growthTable(afterReading.growthSince(empty)));

            conn.minimize();   // every loaded object back to a ghost; the list no longer holds the notes
            System.gc();       // only so that the demo can show the unreferenced ghosts leaving
            HeapProfile minimized = HeapProfile.of(conn);
            System.out.println("\nWhat minimize() freed:");
            System.out.print(HeapProfile.growthTable(minimized.changesSince(afterReading)));
            System.out.println("\nWhat the cache still holds: " + minimized);
        }
    }

    private static PersistentList<Note> newNotes() {
        PersistentList<Note> notes = new PersistentList<>();
        for (int i = 0; i < NOTES; i++) {
            notes.add(new Note("note number " + i + " ".repeat(200)));
        }
        return notes;
    }

    /** Reads every note, ending a transaction every 1,000: the cache shrinks to its target there. */
    @SuppressWarnings("unchecked")
    private static long readAll(Connection conn) {
        List<Note> notes = (List<Note>) conn.root().get("notes");
        long characters = 0;
        for (int i = 0; i < notes.size(); i++) {
            characters += notes.get(i).text().length();
            if (i % 1_000 == 999) {
                conn.commit();
            }
        }
        conn.commit();
        return characters;
    }
}
