package org.jodb.changes.petclinic;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

public class Pet extends NamedEntity {
    private LocalDate birthDate;
    private PetType type;
    private Set<Visit> visits;

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public PetType getType() {
        return type;
    }

    public void setType(PetType type) {
        this.type = type;
    }

    /** Created on first use, as the application does. */
    public Set<Visit> getVisits() {
        if (visits == null) {
            visits = new HashSet<>();
        }
        return visits;
    }

    public void addVisit(Visit visit) {
        getVisits().add(visit);
    }
}
