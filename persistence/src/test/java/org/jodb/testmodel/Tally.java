package org.jodb.testmodel;

import java.util.ArrayList;
import java.util.List;
import org.jodb.MergesConflicts;
import org.jodb.Persistent;

/** Marks kept in a list; concurrent additions merge (the committed marks, then the ones added here). */
@Persistent
public class Tally implements MergesConflicts<Tally> {
    private List<String> marks = new ArrayList<>();

    public List<String> marks() {
        return marks;
    }

    @Override
    public boolean mergeConflict(Tally old, Tally committed) {
        List<String> added = new ArrayList<>(marks);
        added.removeAll(old.marks);
        List<String> merged = new ArrayList<>(committed.marks);
        merged.addAll(added);
        marks = merged;
        return true;
    }
}
