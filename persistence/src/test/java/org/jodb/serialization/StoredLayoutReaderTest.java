package org.jodb.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jodb.storage.Record;
import org.jodb.storage.memory.MemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Records the codec wrote, read back by their stored layouts: every value as the codec wrote it,
 * classes of the application as views, references and enum constants by name.
 */
class StoredLayoutReaderTest {
    private final MemoryStorage storage = new MemoryStorage();
    private final MapReferenceContext context = new MapReferenceContext();
    private final RecordCodec codec = new RecordCodec(new TypeCatalog(storage, getClass().getClassLoader()), context);

    private StoredObjectView read(Node node) {
        long oid = context.register(node);
        EncodedState state = codec.encode(node);
        Record record = new Record(oid, 1, state.classId(), state.references(), state.payload());
        return new StoredLayoutReader(storage).read(record, Node.class.getName()::equals);
    }

    @Test
    void fieldsOfEveryKindByName() {
        Node node = new Node("head");
        node.next = new Node("tail");
        EnumMap<Mood, Integer> moods = new EnumMap<>(Mood.class);
        moods.put(Mood.SAD, 2);
        List<Object> values = new ArrayList<>(List.of("text", 7, 'c', new PointV1(1, 2, "p"), Mood.HAPPY, moods));
        node.extra = new Pair(values, new LinkedHashMap<>(Map.of("k", 3L)));

        StoredObjectView view = read(node);

        assertTrue(view.complete(), view::toString);
        assertEquals(Node.class.getName(), view.className());
        assertEquals(List.of("label", "next", "extra"), new ArrayList<>(view.fields().keySet()));
        assertEquals("head", view.fields().get("label"));
        assertEquals(new StoredReference(Node.class.getName(), context.register(node.next)), view.fields().get("next"));
        StoredObjectView pair = (StoredObjectView) view.fields().get("extra");
        assertEquals(Pair.class.getName(), pair.className());
        List<?> list = (List<?>) pair.fields().get("first");
        assertEquals("text", list.get(0));
        assertEquals(7, list.get(1));
        assertEquals('c', list.get(2));
        StoredObjectView point = (StoredObjectView) list.get(3);
        assertEquals(PointV1.class.getName(), point.className());
        assertEquals(Map.of("x", 1, "y", 2, "label", "p"), point.fields());
        assertEquals(new StoredEnumConstant(Mood.class.getName(), "HAPPY"), list.get(4));
        assertEquals(Map.of(new StoredEnumConstant(Mood.class.getName(), "SAD"), 2), list.get(5));
        assertEquals(Map.of("k", 3L), pair.fields().get("second"));
        assertEquals(Node.class.getName() + "{label=\"head\", next=-> 0x" + Long.toHexString(context.register(node.next))
                + " (" + Node.class.getName() + "), extra=", view.toString().substring(0, view.toString().indexOf("extra=") + 6));
    }

    @Test
    void aCycleAmongPlainObjectsClosesWithNull() {
        Node node = new Node("cyclic");
        Pair pair = new Pair("a", null);
        pair.second = pair;
        node.extra = pair;
        StoredObjectView view = read(node);
        StoredObjectView stored = (StoredObjectView) view.fields().get("extra");
        assertEquals("a", stored.fields().get("first"));
        assertNull(stored.fields().get("second"));
    }

    @Test
    void whatCannotBeReadWithoutItsClassEndsTheViewWithTheReason() {
        Node node = new Node("before");
        node.extra = new PlainV1[] {new PlainV1()};
        StoredObjectView view = read(node);
        assertEquals("before", view.fields().get("label"));
        assertTrue(view.fields().containsKey("next"));
        assertTrue(!view.complete() && view.failure().startsWith("cannot decode field extra: an array of a class"),
                view::toString);
    }
}
