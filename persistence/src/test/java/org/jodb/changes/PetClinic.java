package org.jodb.changes;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jodb.changes.petclinic.Owner;
import org.jodb.changes.petclinic.Pet;
import org.jodb.changes.petclinic.PetType;
import org.jodb.changes.petclinic.Specialty;
import org.jodb.changes.petclinic.Vet;
import org.jodb.changes.petclinic.Visit;

/** The pet clinic's sample data, built as the application builds it. */
final class PetClinic {
    static final int LEO = 1;

    private PetClinic() {
    }

    /** George Franklin of Madison, with Leo the cat (id {@value #LEO}), who had one visit. */
    static Owner george() {
        Owner george = new Owner();
        george.setId(1);
        george.setFirstName("George");
        george.setLastName("Franklin");
        george.setAddress("110 W. Liberty St.");
        george.setCity("Madison");
        george.setTelephone("6085551023");
        Pet leo = pet("Leo", petType("cat"), LocalDate.of(2010, 9, 7));
        george.addPet(leo);
        leo.setId(LEO);
        leo.addVisit(visit(LocalDate.of(2013, 1, 1), "rabies shot"));
        return george;
    }

    /** Helen Leary, radiology and surgery. */
    static Vet helen() {
        Vet helen = new Vet();
        helen.setId(2);
        helen.setFirstName("Helen");
        helen.setLastName("Leary");
        helen.addSpecialty(specialty("radiology"));
        helen.addSpecialty(specialty("surgery"));
        return helen;
    }

    static Pet pet(String name, PetType type, LocalDate birthDate) {
        Pet pet = new Pet();
        pet.setName(name);
        pet.setType(type);
        pet.setBirthDate(birthDate);
        return pet;
    }

    static PetType petType(String name) {
        PetType type = new PetType();
        type.setName(name);
        return type;
    }

    static Specialty specialty(String name) {
        Specialty specialty = new Specialty();
        specialty.setName(name);
        return specialty;
    }

    static Visit visit(LocalDate date, String description) {
        Visit visit = new Visit();
        visit.setDate(date);
        visit.setDescription(description);
        return visit;
    }

    static Set<String> visitsOfLeo(Owner owner) {
        return descriptions(owner.getPet(LEO).getVisits());
    }

    static Set<String> descriptions(Set<Visit> visits) {
        return visits.stream().map(Visit::getDescription).collect(Collectors.toSet());
    }

    static List<String> petNames(Owner owner) {
        return owner.getPets().stream().map(Pet::getName).toList();
    }

    static Set<String> specialties(Vet vet) {
        return vet.getSpecialties().stream().map(Specialty::getName).collect(Collectors.toSet());
    }
}
