package org.jodb.changes;

import static org.jodb.changes.Reading.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jodb.changes.model.Address;
import org.jodb.changes.model.ArrayHolder;
import org.jodb.changes.model.Color;
import org.jodb.changes.model.Coordinates;
import org.jodb.changes.model.Counter;
import org.jodb.changes.model.Customer;
import org.jodb.changes.model.ListHolder;
import org.jodb.changes.model.MapHolder;
import org.jodb.changes.model.Member;
import org.jodb.changes.model.NestedHolder;
import org.jodb.changes.model.Note;
import org.jodb.changes.model.Slot;
import org.jodb.changes.model.ValueHolder;
import org.jodb.changes.petclinic.Owner;
import org.jodb.changes.petclinic.Pet;
import org.jodb.changes.petclinic.Vet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No false changes: an object whose collections, maps and arrays were only read in a transaction
 * that commits (another object's change) is not rewritten; its serial stays that of the commit
 * that stored it. Hash-based collections are the hard case: after a reload they may iterate in
 * another order than when they were stored (another capacity; elements hashed by identity, which
 * a reload gives new instances of), so a detection that compares a re-encoding in iteration order
 * with the loaded bytes would rewrite them.
 */
class ReadOnlyObjectsAreNotRewrittenTest {
    private static final int MANY = 1_000;

    @TempDir
    Path directory;
    private DatabaseFile file;

    @BeforeEach
    void storeACounter() {
        file = new DatabaseFile(directory);
        file.store("counter", new Counter());
    }

    @Test
    void petClinicEntitiesOnlyReadAreNotRewritten() {
        Owner george = PetClinic.george();
        for (int i = 0; i < 20; i++) {
            george.addVisit(PetClinic.LEO, PetClinic.visit(LocalDate.of(2014, 1, 1).plusDays(i), "visit " + i));
        }
        Vet helen = PetClinic.helen();
        for (int i = 0; i < 20; i++) {
            helen.addSpecialty(PetClinic.specialty("specialty " + i));
        }
        file.transact(connection -> {
            connection.root().put("george", george);
            connection.root().put("leo", george.getPet(PetClinic.LEO));
            connection.root().put("helen", helen);
        });
        List<Long> stored = List.of(file.serialOf("george"), file.serialOf("leo"), file.serialOf("helen"));

        file.transact(connection -> {
            Owner owner = (Owner) connection.root().get("george");
            for (Pet pet : owner.getPets()) {
                touch(List.of(pet.getName(), pet.getBirthDate(), pet.getType().getName()));
                touch(PetClinic.descriptions(pet.getVisits()));
            }
            touch(PetClinic.specialties((Vet) connection.root().get("helen")));
            ((Counter) connection.root().get("counter")).increment();
        });

        assertEquals(1, file.read("counter", Counter.class, Counter::count), "the transaction committed");
        assertEquals(stored, List.of(file.serialOf("george"), file.serialOf("leo"), file.serialOf("helen")),
                "george, leo and helen were only read, yet rewritten");
    }

    @Test
    void listsOnlyReadAreNotRewritten() {
        assertNotRewrittenWhenOnlyRead("lists", new ListHolder("a", "b"), ListHolder.class, lists -> {
            touch(lists.list());
            touch(lists.arrayList());
            touch(lists.linkedList());
            touch(lists.lazyList());
        });
    }

    @Test
    void mapsOnlyReadAreNotRewritten() {
        assertNotRewrittenWhenOnlyRead("maps", new MapHolder(Map.of("a", 1, "b", 2)), MapHolder.class, maps -> {
            touch(maps.map());
            touch(maps.hashMap());
            touch(maps.treeMap());
            touch(maps.linkedHashMap());
            touch(maps.lazyEnumMap());
        });
    }

    @Test
    void nestedCollectionsOnlyReadAreNotRewritten() {
        assertNotRewrittenWhenOnlyRead("nested", new NestedHolder(), NestedHolder.class, nested -> {
            touch(nested.scores());
            touch(nested.rows());
            touch(nested.tables());
        });
    }

    @Test
    void arraysOnlyReadAreNotRewritten() {
        assertNotRewrittenWhenOnlyRead("arrays", new ArrayHolder(), ArrayHolder.class, arrays -> {
            touch(arrays.counts());
            touch(arrays.readings());
            touch(arrays.labels());
            touch(arrays.slots());
            touch(arrays.grid());
            touch(List.of(arrays.bytes(), arrays.shorts(), arrays.longs(), arrays.floats(), arrays.chars(), arrays.flags()));
        });
    }

    @Test
    void plainNestedObjectsOnlyReadAreNotRewritten() {
        Customer ada = new Customer("ada", new Address("1 Main St", "London", new Coordinates(51.5, -0.1)));
        assertNotRewrittenWhenOnlyRead("ada", ada, Customer.class,
                customer -> touch(List.of(customer.address().city(), customer.address().coordinates().latitude)));
    }

    @Test
    void aPresizedHashSetOfEnumConstantsIsNotRewritten() {
        Set<Color> colors = new HashSet<>(256);
        colors.addAll(List.of(Color.values()));
        assertValueNotRewrittenWhenOnlyRead(colors);
    }

    @Test
    void aHashSetThatShrankIsNotRewritten() {
        Set<Slot> slots = new HashSet<>();
        for (int i = 0; i < MANY; i++) {
            slots.add(new Slot(Color.values()[i % Color.values().length], i));
        }
        slots.removeIf(slot -> slot.index() >= 20);
        assertValueNotRewrittenWhenOnlyRead(slots);
    }

    @Test
    void aPresizedHashMapOfAThousandEnumKeyedEntriesIsNotRewritten() {
        Map<Slot, Integer> slots = new HashMap<>(8 * MANY);
        for (int i = 0; i < MANY; i++) {
            slots.put(new Slot(Color.values()[i % Color.values().length], i), i);
        }
        assertValueNotRewrittenWhenOnlyRead(slots);
    }

    @Test
    void aHashSetOfAThousandPersistentObjectsWithoutHashCodeIsNotRewritten() {
        Set<Member> members = new HashSet<>();
        for (int i = 0; i < MANY; i++) {
            members.add(new Member("member-" + i));
        }
        assertValueNotRewrittenWhenOnlyRead(members);
    }

    @Test
    void aHashMapKeyedByAThousandPersistentObjectsWithoutHashCodeIsNotRewritten() {
        Map<Member, Integer> ranks = new HashMap<>();
        for (int i = 0; i < MANY; i++) {
            ranks.put(new Member("member-" + i), i);
        }
        assertValueNotRewrittenWhenOnlyRead(ranks);
    }

    @Test
    void aHashSetOfPlainObjectsWithoutHashCodeIsNotRewritten() {
        Set<Note> notes = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            notes.add(new Note("note-" + i));
        }
        assertValueNotRewrittenWhenOnlyRead(notes);
    }

    private void assertValueNotRewrittenWhenOnlyRead(Object value) {
        assertNotRewrittenWhenOnlyRead("subject", new ValueHolder(value), ValueHolder.class, holder -> touch(holder.value()));
    }

    /**
     * Stores {@code subject}; then, in a newly opened database, one transaction reads it with
     * {@code read} and commits a change to another object. The subject keeps its serial.
     */
    private <T> void assertNotRewrittenWhenOnlyRead(String key, Object subject, Class<T> type, Consumer<T> read) {
        file.store(key, subject);
        long stored = file.serialOf(key);
        long counterBefore = file.serialOf("counter");

        file.transact(connection -> {
            read.accept(type.cast(connection.root().get(key)));
            ((Counter) connection.root().get("counter")).increment();
        });

        assertNotEquals(counterBefore, file.serialOf("counter"), "the transaction committed");
        assertEquals(stored, file.serialOf(key), key + " was only read, yet rewritten");
    }
}
