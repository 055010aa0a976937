package org.jodb.serialization;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import org.jodb.JodbException;
import org.junit.jupiter.api.Test;

/**
 * Records written by an older version of a class decode into the current version by field name.
 * A new program version is simulated by renaming V1 to V2 in every catalog descriptor and reading
 * with a fresh catalog and codec, as a restarted program would.
 */
class SchemaEvolutionTest {
    private final CodecFixture writer = new CodecFixture();

    private CodecFixture readerAfterRenaming(String from, String to) {
        writer.storage.rename(from, to);
        return new CodecFixture(writer.storage);
    }

    @Test
    void fieldsAreMatchedByNameAddedOnesGetDefaultsRemovedOnesAreSkipped() {
        AccountV1 v1 = new AccountV1();
        v1.owner = "ann";
        v1.balance = -5;
        v1.removed = "dropped";
        v1.keep = 77;
        v1.rate = 0.25f;
        v1.count = 9;
        writer.context.register(v1);
        EncodedState state = writer.codec.encode(v1);

        CodecFixture reader = readerAfterRenaming("AccountV1", "AccountV2");
        assertEquals(AccountV2.class, reader.codec.classOf(state.classId()));
        AccountV2 v2 = (AccountV2) reader.decode(state);
        assertEquals("ann", v2.owner);
        assertEquals(-5L, v2.balance, "int widened to long");
        assertEquals(77, v2.keep);
        assertEquals(0.25d, v2.rate, "float widened to double");
        assertEquals(9L, v2.count, "Integer unboxed and widened");
        assertEquals(0, v2.added);
        assertNull(v2.addedText, "nothing shifted into the new field");
    }

    @Test
    void decodingSetsFieldsTheRecordLacksToDefaultsEvenOnAReusedInstance() {
        AccountV1 v1 = new AccountV1();
        writer.context.register(v1);
        EncodedState state = writer.codec.encode(v1);
        CodecFixture reader = readerAfterRenaming("AccountV1", "AccountV2");
        AccountV2 reused = new AccountV2();
        reused.added = 5;
        reused.addedText = "stale";
        reader.codec.decode(reused, state.classId(), state.payload());
        assertEquals(0, reused.added);
        assertNull(reused.addedText);
    }

    @Test
    void anImpossibleTypeChangeNamesClassAndField() {
        AccountV1 v1 = new AccountV1();
        writer.context.register(v1);
        EncodedState state = writer.codec.encode(v1);
        CodecFixture reader = readerAfterRenaming("AccountV1", "AccountV3");
        JodbException e = assertThrows(JodbException.class, () -> reader.decode(state));
        assertTrue(e.getMessage().contains(AccountV3.class.getName() + ".balance"), e.getMessage());
    }

    @Test
    void enumsAreStoredByNameAndSurviveReordering() {
        EnumMap<ColorV1, String> map = new EnumMap<>(ColorV1.class);
        map.put(ColorV1.BLUE, "b");
        Holder h = new Holder(new ArrayList<>(List.of(ColorV1.GREEN, EnumSet.of(ColorV1.RED, ColorV1.BLUE), map)));
        writer.context.register(h);
        EncodedState state = writer.codec.encode(h);

        CodecFixture reader = readerAfterRenaming("ColorV1", "ColorV2");
        List<?> values = (List<?>) ((Holder) reader.decode(state)).value;
        assertSame(ColorV2.GREEN, values.get(0));
        assertEquals(EnumSet.of(ColorV2.RED, ColorV2.BLUE), values.get(1));
        assertEquals("b", ((EnumMap<?, ?>) values.get(2)).get(ColorV2.BLUE));
    }

    @Test
    void recordsEvolveByComponentName() {
        Holder h = new Holder(new PointV1(3, 4, "p"));
        writer.context.register(h);
        EncodedState state = writer.codec.encode(h);
        CodecFixture reader = readerAfterRenaming("PointV1", "PointV2");
        assertEquals(new PointV2("p", 3L, 0), ((Holder) reader.decode(state)).value);
    }

    @Test
    void plainObjectsEvolveByFieldName() {
        PlainV1 plain = new PlainV1();
        plain.a = 11;
        plain.b = "b";
        plain.gone = 99;
        Holder h = new Holder(plain);
        writer.context.register(h);
        EncodedState state = writer.codec.encode(h);
        CodecFixture reader = readerAfterRenaming("PlainV1", "PlainV2");
        PlainV2 v2 = (PlainV2) ((Holder) reader.decode(state)).value;
        assertEquals(11L, v2.a);
        assertEquals("b", v2.b);
        assertEquals(0, v2.c);
    }
}
