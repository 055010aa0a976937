package org.jodb.changes.petclinic;

import java.util.ArrayList;
import java.util.List;

public class Owner extends Person {
    private String address;
    private String city;
    private String telephone;
    private final List<Pet> pets = new ArrayList<>();

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getTelephone() {
        return telephone;
    }

    public void setTelephone(String telephone) {
        this.telephone = telephone;
    }

    public List<Pet> getPets() {
        return pets;
    }

    public void addPet(Pet pet) {
        if (pet.isNew()) {
            getPets().add(pet);
        }
    }

    public Pet getPet(String name) {
        for (Pet pet : getPets()) {
            if (pet.getName().equalsIgnoreCase(name)) {
                return pet;
            }
        }
        return null;
    }

    public Pet getPet(Integer id) {
        for (Pet pet : getPets()) {
            if (!pet.isNew() && pet.getId().equals(id)) {
                return pet;
            }
        }
        return null;
    }

    public void addVisit(Integer petId, Visit visit) {
        Pet pet = getPet(petId);
        if (pet == null) {
            throw new IllegalArgumentException("no pet " + petId);
        }
        pet.addVisit(visit);
    }
}
