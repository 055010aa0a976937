package org.jodb.changes;

import static org.jodb.changes.PetClinic.LEO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jodb.changes.petclinic.Owner;
import org.jodb.changes.petclinic.Pet;
import org.jodb.changes.petclinic.Vet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pet clinic, ported by annotating its base entity: what its controllers change in later
 * transactions (a visit added to a pet's set, a pet added to an owner's list, a specialty added
 * to a vet's set) is committed, along with plain field changes.
 */
class PetClinicChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void storeTheClinic() {
        file = new DatabaseFile(directory);
        file.store("george", PetClinic.george());
        file.store("helen", PetClinic.helen());
    }

    @Test
    void theControllersRequestsAreAllCommitted() {
        file.change("george", Owner.class,
                george -> george.addVisit(LEO, PetClinic.visit(LocalDate.of(2024, 3, 4), "checkup")));
        file.change("george", Owner.class,
                george -> george.addPet(PetClinic.pet("Basil", george.getPet(LEO).getType(), LocalDate.of(2012, 8, 6))));
        file.change("george", Owner.class, george -> george.setCity("Monona"));

        assertEquals(Set.of("rabies shot", "checkup"), file.read("george", Owner.class, PetClinic::visitsOfLeo));
        assertEquals(List.of("Leo", "Basil"), file.read("george", Owner.class, PetClinic::petNames));
        assertEquals("Monona", file.read("george", Owner.class, Owner::getCity));
    }

    @Test
    void allThreeChangesInOneTransactionAreCommitted() {
        file.change("george", Owner.class, george -> {
            george.addVisit(LEO, PetClinic.visit(LocalDate.of(2024, 3, 4), "checkup"));
            george.addPet(PetClinic.pet("Basil", george.getPet(LEO).getType(), LocalDate.of(2012, 8, 6)));
            george.setCity("Monona");
        });

        assertEquals(Set.of("rabies shot", "checkup"), file.read("george", Owner.class, PetClinic::visitsOfLeo));
        assertEquals(List.of("Leo", "Basil"), file.read("george", Owner.class, PetClinic::petNames));
        assertEquals("Monona", file.read("george", Owner.class, Owner::getCity));
    }

    @Test
    void aVisitAddedToAPetsSetIsCommitted() {
        file.change("george", Owner.class,
                george -> george.addVisit(LEO, PetClinic.visit(LocalDate.of(2024, 3, 4), "checkup")));

        assertEquals(Set.of("rabies shot", "checkup"), file.read("george", Owner.class, PetClinic::visitsOfLeo));
    }

    @Test
    void aNewPetAddedToAnOwnersListIsStoredWithItsVisitsByTheSameCommit() {
        file.change("george", Owner.class, george -> {
            Pet basil = PetClinic.pet("Basil", george.getPet(LEO).getType(), LocalDate.of(2012, 8, 6));
            basil.addVisit(PetClinic.visit(LocalDate.of(2024, 3, 4), "first visit"));
            george.addPet(basil);
        });

        assertEquals(List.of("Leo", "Basil"), file.read("george", Owner.class, PetClinic::petNames));
        assertEquals(LocalDate.of(2012, 8, 6),
                file.read("george", Owner.class, george -> george.getPet("Basil").getBirthDate()));
        assertEquals("cat", file.read("george", Owner.class, george -> george.getPet("Basil").getType().getName()));
        assertEquals(Set.of("first visit"), file.read("george", Owner.class,
                george -> PetClinic.descriptions(george.getPet("Basil").getVisits())));
    }

    @Test
    void aSpecialtyAddedToAVetIsCommitted() {
        file.change("helen", Vet.class, helen -> helen.addSpecialty(PetClinic.specialty("dentistry")));

        assertEquals(Set.of("radiology", "surgery", "dentistry"), file.read("helen", Vet.class, PetClinic::specialties));
    }

    @Test
    void aSpecialtyRemovedFromAVetIsCommitted() {
        file.change("helen", Vet.class,
                helen -> helen.getSpecialties().removeIf(specialty -> specialty.getName().equals("surgery")));

        assertEquals(Set.of("radiology"), file.read("helen", Vet.class, PetClinic::specialties));
    }

    @Test
    void aPetRemovedFromAnOwnersListIsCommitted() {
        file.change("george", Owner.class, george -> george.getPets().remove(george.getPet(LEO)));

        assertEquals(List.of(), file.read("george", Owner.class, PetClinic::petNames));
    }
}
