package org.jodb.changes.petclinic;

public class PetType extends NamedEntity {
}
