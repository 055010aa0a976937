package org.jodb.serialization;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-record reference table: ids by identity, in order of writing, forgotten at reset. */
class RecordReferenceResolverTest {
    private final RecordReferenceResolver resolver = new RecordReferenceResolver();

    @Test
    void idsFollowTheOrderOfWritingAndAreFoundByIdentity() {
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // grows the table many times
            String s = new String("same"); // equal, never identical
            objects.add(s);
            assertEquals(-1, resolver.getWrittenId(s));
            assertEquals(i, resolver.addWrittenObject(s));
        }
        for (int i = 0; i < objects.size(); i++) {
            assertEquals(i, resolver.getWrittenId(objects.get(i)));
        }
    }

    @Test
    void resetForgetsEveryWrittenAndReadObject() {
        for (int size : new int[] {3, 8, 9, 100, 100_000, 5}) { // scan only, table kept, table dropped
            List<Object> objects = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Object o = new Object();
                objects.add(o);
                resolver.addWrittenObject(o);
                resolver.setReadObject(resolver.nextReadId(Object.class), o);
            }
            resolver.reset();
            for (Object o : objects) {
                assertEquals(-1, resolver.getWrittenId(o));
            }
            assertEquals(0, resolver.nextReadId(Object.class), "read ids start again at 0");
            resolver.reset();
            Object next = new Object();
            assertEquals(0, resolver.addWrittenObject(next), "written ids start again at 0");
            assertEquals(0, resolver.getWrittenId(next));
            resolver.reset();
        }
    }

    @Test
    void referencesAreTrackedForTheClassesKryosOwnResolverTracks() {
        assertTrue(resolver.useReferences(String.class));
        assertTrue(resolver.useReferences(ArrayList.class));
        assertFalse(resolver.useReferences(Integer.class));
        assertFalse(resolver.useReferences(Mood.class));
    }

    @Test
    void aRecordEncodesTheSameAfterALargeOneAsInAFreshCodec() {
        CodecFixture fixture = new CodecFixture();
        List<Object> shared = new ArrayList<>(List.of("s"));
        Holder small = new Holder(new Pair(shared, shared));
        fixture.context.register(small);
        byte[] alone = fixture.codec.encode(small).payload();
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            many.add(new ArrayList<>(List.of(i)));
        }
        Holder large = new Holder(many);
        large.other = small.value; // the same plain objects, written in the large record first
        fixture.context.register(large);
        fixture.codec.encode(large);
        assertArrayEquals(alone, fixture.codec.encode(small).payload());
    }
}
