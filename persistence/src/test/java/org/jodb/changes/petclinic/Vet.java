package org.jodb.changes.petclinic;

import java.util.HashSet;
import java.util.Set;

public class Vet extends Person {
    private Set<Specialty> specialties;

    /** Created on first use, as the application does. */
    public Set<Specialty> getSpecialties() {
        if (specialties == null) {
            specialties = new HashSet<>();
        }
        return specialties;
    }

    public int getNrOfSpecialties() {
        return getSpecialties().size();
    }

    public void addSpecialty(Specialty specialty) {
        getSpecialties().add(specialty);
    }
}
