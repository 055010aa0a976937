package org.jodb.changes.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jodb.Persistent;
import org.jodb.changes.petclinic.Pet;

/** Persistent objects held inside a nested collection: pets by run. */
@Persistent
public class Kennel {
    private final Map<String, List<Pet>> runs = new TreeMap<>();

    public List<Pet> run(String name) {
        return runs.computeIfAbsent(name, key -> new ArrayList<>());
    }

    public Map<String, List<Pet>> runs() {
        return runs;
    }
}
