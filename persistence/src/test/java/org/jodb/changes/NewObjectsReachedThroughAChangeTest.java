package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jodb.Persistence;
import org.jodb.changes.model.Kennel;
import org.jodb.changes.petclinic.Owner;
import org.jodb.changes.petclinic.Pet;
import org.jodb.changes.petclinic.Specialty;
import org.jodb.changes.petclinic.Vet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new persistent object reachable only through an in-place change (an element added to a list,
 * a set, a list inside a map) is stored by the same commit, as its own object.
 */
class NewObjectsReachedThroughAChangeTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void store() {
        file = new DatabaseFile(directory);
        file.store("george", PetClinic.george());
        file.transact(connection -> {
            connection.root().put("helen", PetClinic.helen());
            Vet linda = new Vet();
            linda.setLastName("Douglas");
            linda.addSpecialty(PetClinic.specialty("surgery"));
            connection.root().put("linda", linda);
        });
        file.store("kennel", new Kennel());
    }

    @Test
    void aPetAddedToAnOwnersListIsStoredAsAnObjectOfItsOwn() {
        file.change("george", Owner.class, george -> george.getPets().add(PetClinic.pet("Basil", null, LocalDate.of(2012, 8, 6))));

        assertEquals(List.of("Leo", "Basil"), file.read("george", Owner.class, PetClinic::petNames));
        long oid = file.read("george", Owner.class, george -> Persistence.oid(george.getPet("Basil")));
        assertNotEquals(0L, oid);
    }

    @Test
    void aSpecialtyAddedToTwoVetsSetsIsStoredOnceAndShared() {
        file.transact(connection -> {
            Specialty dentistry = PetClinic.specialty("dentistry");
            ((Vet) connection.root().get("helen")).addSpecialty(dentistry);
            ((Vet) connection.root().get("linda")).addSpecialty(dentistry);
        });

        assertEquals(Set.of("radiology", "surgery", "dentistry"), file.read("helen", Vet.class, PetClinic::specialties));
        assertEquals(Set.of("surgery", "dentistry"), file.read("linda", Vet.class, PetClinic::specialties));
        file.read(connection -> {
            Specialty fromHelen = dentistryOf((Vet) connection.root().get("helen"));
            Specialty fromLinda = dentistryOf((Vet) connection.root().get("linda"));
            assertSame(fromHelen, fromLinda);
            return null;
        });
    }

    @Test
    void aPetAddedToAListInsideAMapIsStored() {
        file.change("kennel", Kennel.class, kennel -> kennel.run("north").add(PetClinic.pet("Rosy", null, LocalDate.of(2011, 4, 17))));

        assertEquals(List.of("Rosy"), file.read("kennel", Kennel.class,
                kennel -> kennel.runs().getOrDefault("north", List.of()).stream().map(Pet::getName).toList()));
    }

    private static Specialty dentistryOf(Vet vet) {
        return vet.getSpecialties().stream().filter(s -> "dentistry".equals(s.getName())).findFirst().orElseThrow();
    }
}
