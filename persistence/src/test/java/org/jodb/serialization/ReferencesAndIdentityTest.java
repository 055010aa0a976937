package org.jodb.serialization;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.cache.PersistentObject;
import org.junit.jupiter.api.Test;

/** Persistent objects are stored as oids, plain objects by value with their sharing, and nothing by name. */
class ReferencesAndIdentityTest {
    private final CodecFixture fixture = new CodecFixture();

    @Test
    void persistentReferencesAreOidsCollectedOnceEach() {
        Node a = new Node("a");
        Node b = new Node("b");
        Holder h = new Holder(new ArrayList<>(List.of(a, b, a)));
        Map<String, Node> map = new HashMap<>();
        map.put("x", b);
        h.other = new Object[] {map, a};
        fixture.context.register(h);
        EncodedState state = fixture.codec.encode(h);
        assertArrayEquals(new long[] {a.$jodbOid(), b.$jodbOid()}, state.references());
        assertEquals(0, a.reads + b.reads + h.reads, "encoding must not trigger $jodbBeforeRead");
    }

    @Test
    void theSamePersistentObjectReferencedTwiceDecodesToOneInstance() {
        Node target = new Node("t");
        Holder h = new Holder(target);
        h.other = List.of(target);
        Holder copy = fixture.roundTrip(h);
        assertSame(target, copy.value, "resolved through the context, which keeps one instance per oid");
        assertSame(copy.value, ((List<?>) copy.other).get(0));
    }

    @Test
    void aCycleOfPersistentObjectsIsStoredAsReferences() {
        Node a = new Node("a");
        Node b = new Node("b");
        a.next = b;
        b.next = a;
        a.extra = a;
        Node aCopy = fixture.roundTrip(a);
        assertSame(b, aCopy.next);
        assertSame(a, aCopy.extra, "a self-reference is an oid too");
        Node bCopy = fixture.roundTrip(b);
        assertSame(a, bCopy.next);
        assertArrayEquals(new long[] {a.$jodbOid()}, fixture.codec.encode(b).references());
    }

    @Test
    void aSharedPlainObjectStaysSharedWithinOneRecordEvenAcrossFields() {
        List<String> shared = new ArrayList<>(List.of("s"));
        Holder h = new Holder(new Pair(shared, shared));
        h.other = shared;
        Holder copy = fixture.roundTrip(h);
        Pair pair = (Pair) copy.value;
        assertSame(pair.first, pair.second);
        assertSame(pair.first, copy.other);
    }

    @Test
    void aCycleOfPlainObjectsRoundTrips() {
        Pair p = new Pair();
        Pair q = new Pair(p, "q");
        p.first = q;
        p.second = p;
        Pair copy = (Pair) fixture.roundTrip(new Holder(p)).value;
        assertSame(copy, copy.second);
        assertSame(copy, ((Pair) copy.first).first);
    }

    @Test
    void payloadsHoldNoClassNames() {
        PlainV1 plain = new PlainV1();
        Holder h = new Holder(new ArrayList<>(List.of(plain, new PointV1(1, 2, "p"), ColorV1.RED, new Node("n"))));
        fixture.context.register(h);
        byte[] payload = fixture.codec.encode(h).payload();
        String bytes = new String(payload, StandardCharsets.ISO_8859_1);
        for (Class<?> c : List.of(Holder.class, PlainV1.class, PointV1.class, ColorV1.class, Node.class, ArrayList.class)) {
            assertFalse(bytes.contains(c.getName()), c.getName());
            assertFalse(bytes.contains(c.getSimpleName()), c.getSimpleName());
        }
        assertTrue(fixture.storage.descriptors().contains("class:" + PlainV1.class.getName()),
                "class names live in the catalog instead");
    }

    @Test
    void shadowedFieldsAreBothStored() {
        SubWithName sub = new SubWithName();
        sub.name = "sub";
        ((BaseWithName) sub).name = "base";
        SubWithName copy = fixture.roundTrip(sub);
        assertEquals("sub", copy.name);
        assertEquals("base", copy.baseName());
    }

    @Test
    void clearNullsReferencesAndZeroesPrimitives() {
        Holder h = new Holder("v");
        long oid = fixture.context.register(h);
        h.z = true; h.b = 1; h.c = 'c'; h.s = 2; h.i = 3; h.j = 4; h.f = 5; h.d = 6; h.name = "n"; h.other = h;
        fixture.codec.clear(h);
        assertFalse(h.z);
        assertEquals(0, h.b + h.c + h.s + h.i + h.j + h.f + h.d);
        assertNull(h.name);
        assertNull(h.value);
        assertNull(h.other);
        assertEquals(oid, h.$jodbOid(), "the $jodb fields are not touched");
    }

    @Test
    void newInstanceRunsNoConstructor() {
        PersistentObject object = fixture.codec.newInstance(CountingConstructor.class);
        assertEquals(0, ((CountingConstructor) object).constructed);
    }
}
