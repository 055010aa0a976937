package org.jodb.changes.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.Persistent;

/** Records held in collections. */
@Persistent
public class Playlist {
    private final List<Track> tracks = new ArrayList<>();
    private final Map<String, Track> byTitle = new HashMap<>();
    private final List<Album> albums = new ArrayList<>();

    public void add(Track track) {
        tracks.add(track);
        byTitle.put(track.title(), track);
    }

    public List<Track> tracks() {
        return tracks;
    }

    public Map<String, Track> byTitle() {
        return byTitle;
    }

    public List<Album> albums() {
        return albums;
    }
}
