package org.jodb.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.jodb.changes.model.Address;
import org.jodb.changes.model.Coordinates;
import org.jodb.changes.model.Customer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A field written in a plain object stored inside a persistent object's record is committed. */
class PlainNestedObjectChangesTest {
    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void store() {
        file = new DatabaseFile(directory);
        Customer ada = new Customer("ada", new Address("1 Main St", "London", new Coordinates(51.5, -0.1)));
        ada.previousAddresses().add(new Address("2 Side St", "Paris", new Coordinates(48.9, 2.4)));
        file.store("ada", ada);
    }

    @Test
    void aFieldOfAPlainObjectInAFieldIsCommitted() {
        file.change("ada", Customer.class, ada -> ada.address().setCity("Leeds"));

        assertEquals("Leeds", file.read("ada", Customer.class, ada -> ada.address().city()));
    }

    @Test
    void aFieldOfAPlainObjectInsideAPlainObjectIsCommitted() {
        file.change("ada", Customer.class, ada -> ada.address().coordinates().latitude = 53.8);

        assertEquals(53.8, file.read("ada", Customer.class, ada -> ada.address().coordinates().latitude));
    }

    @Test
    void aFieldOfAPlainObjectInAListIsCommitted() {
        file.change("ada", Customer.class, ada -> ada.previousAddresses().get(0).setCity("Lyon"));

        assertEquals("Lyon", file.read("ada", Customer.class, ada -> ada.previousAddresses().get(0).city()));
    }
}
