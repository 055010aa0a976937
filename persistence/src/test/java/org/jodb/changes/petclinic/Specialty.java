package org.jodb.changes.petclinic;

public class Specialty extends NamedEntity {
}
