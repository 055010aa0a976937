package org.jodb.testmodel;

import org.jodb.MergesConflicts;
import org.jodb.Persistent;

/** A class whose merge puts a new persistent object into the merged state, which jodb refuses. */
@Persistent
public class NoteWithNewAuthor implements MergesConflicts<NoteWithNewAuthor> {
    private String text = "";
    private Gauge author;

    public void setText(String text) {
        this.text = text;
    }

    @Override
    public boolean mergeConflict(NoteWithNewAuthor old, NoteWithNewAuthor committed) {
        text = committed.text + text;
        author = new Gauge("merger", 0);
        return true;
    }
}
