package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;
import org.junit.jupiter.api.Test;

class LeafNodeTest {
    private static final int PAGE_SIZE = 4096;

    private static byte[] body(long oid, int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (oid + i);
        }
        RecordWrite write = new RecordWrite(oid, 0, 9, new long[] {oid + 1, oid + 2}, payload);
        ByteBuffer out = ByteBuffer.allocate(RecordLayout.bodyLength(write));
        RecordLayout.encodeBody(write, out);
        return out.array();
    }

    private static List<LeafEntry> entries() {
        List<LeafEntry> entries = new ArrayList<>();
        for (long oid = 10; oid < 40; oid += 3) {
            entries.add(oid == 22
                    ? LeafEntry.overflow(oid, oid * 7, 70_000, new NodeRef(500, Page.spanFor(PAGE_SIZE, 70_000), 4))
                    : LeafEntry.inline(oid, oid * 7, body(oid, (int) oid)));
        }
        return entries;
    }

    @Test
    void aDecodedLeafHasTheEntriesThatWereEncoded() {
        List<LeafEntry> written = entries();
        LeafNode decoded = LeafNode.decode(new LeafNode(new NodeRef(3, 1, 2), written).encode(PAGE_SIZE), PAGE_SIZE);
        assertTrue(decoded.entries() instanceof PackedEntries);
        assertEquals(new NodeRef(3, 1, 2), decoded.ref());
        assertEquals(10, decoded.firstKey());
        assertEquals(written.size(), decoded.entries().size());
        for (int i = 0; i < written.size(); i++) {
            LeafEntry expected = written.get(i);
            LeafEntry actual = decoded.entries().get(i);
            assertEquals(expected.oid(), actual.oid());
            assertEquals(expected.serial(), actual.serial());
            assertEquals(expected.bodyLength(), actual.bodyLength());
            assertEquals(expected.overflow(), actual.overflow());
            if (expected.overflow() == null) {
                assertArrayEquals(expected.inlineBody(), actual.inlineBody());
            }
            assertEquals(expected.oid(), decoded.find(expected.oid()).oid());
            assertNull(decoded.find(expected.oid() + 1), "no oid between two entries");
        }
        assertNull(decoded.find(9));
        assertNull(decoded.find(41));
    }

    @Test
    void anInlineRecordIsBuiltStraightFromThePage() {
        LeafNode decoded = LeafNode.decode(new LeafNode(new NodeRef(3, 1, 2), entries()).encode(PAGE_SIZE), PAGE_SIZE);
        PackedEntries packed = (PackedEntries) decoded.entries();
        int index = packed.indexOf(28);
        assertTrue(packed.isInline(index));
        Record record = packed.inlineRecord(index);
        Record expected = RecordLayout.decode(28, 28 * 7, ByteBuffer.wrap(body(28, 28)), body(28, 28).length);
        assertEquals(28, record.oid());
        assertEquals(expected.serial(), record.serial());
        assertEquals(expected.classId(), record.classId());
        assertArrayEquals(expected.references(), record.references());
        assertArrayEquals(expected.payload(), record.payload());
        assertTrue(!packed.isInline(packed.indexOf(22)));
        assertEquals(-1, packed.indexOf(23));
    }
}
