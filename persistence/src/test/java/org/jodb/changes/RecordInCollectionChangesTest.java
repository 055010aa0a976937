package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jodb.changes.model.Album;
import org.jodb.changes.model.Playlist;
import org.jodb.changes.model.Track;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record replaced inside a collection, or changed through a mutable component, is committed. */
class RecordInCollectionChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void store() {
        file = new DatabaseFile(directory);
        Playlist playlist = new Playlist();
        playlist.add(new Track("Intro", 60));
        playlist.add(new Track("Outro", 90));
        playlist.albums().add(new Album("Demo", new ArrayList<>(List.of("Intro"))));
        file.store("playlist", playlist);
    }

    @Test
    void aRecordReplacedInAListIsCommitted() {
        file.change("playlist", Playlist.class, playlist -> playlist.tracks().set(0, new Track("Overture", 120)));

        assertEquals(List.of(new Track("Overture", 120), new Track("Outro", 90)),
                file.read("playlist", Playlist.class, Playlist::tracks));
    }

    @Test
    void everyRecordReplacedInAListIsCommitted() {
        file.change("playlist", Playlist.class,
                playlist -> playlist.tracks().replaceAll(track -> new Track(track.title(), track.seconds() + 1)));

        assertEquals(List.of(new Track("Intro", 61), new Track("Outro", 91)),
                file.read("playlist", Playlist.class, Playlist::tracks));
    }

    @Test
    void aRecordReplacedAsAMapValueIsCommitted() {
        file.change("playlist", Playlist.class, playlist -> playlist.byTitle().put("Intro", new Track("Intro", 45)));

        assertEquals(new Track("Intro", 45), file.read("playlist", Playlist.class, playlist -> playlist.byTitle().get("Intro")));
    }

    @Test
    void aListInsideARecordInAListIsCommitted() {
        file.change("playlist", Playlist.class, playlist -> playlist.albums().get(0).songs().add("Outro"));

        assertEquals(List.of("Intro", "Outro"), file.read("playlist", Playlist.class, playlist -> playlist.albums().get(0).songs()));
    }
}
