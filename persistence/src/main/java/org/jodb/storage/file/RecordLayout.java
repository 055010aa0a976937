package org.jodb.storage.file;

import java.nio.ByteBuffer;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;

/**
 * The body of a stored record, the same whether inline in a leaf or in an overflow extent: class id
 * (4), reference count (4), the references (8 each), then the payload to the end of the body.
 * Named apart from {@code org.jodb.serialization.RecordCodec}, which encodes objects into payloads;
 * this class only lays a finished record out in pages. Stateless.
 */
final class RecordLayout {
    private RecordLayout() {
    }

    static int bodyLength(RecordWrite write) {
        return 8 + 8 * write.references().length + write.payload().length;
    }

    static void encodeBody(RecordWrite write, ByteBuffer out) {
        out.putInt(write.classId()).putInt(write.references().length);
        for (long reference : write.references()) {
            out.putLong(reference);
        }
        out.put(write.payload());
    }

    static Record decode(long oid, long serial, ByteBuffer body, int length) {
        int end = body.position() + length;
        int classId = body.getInt();
        long[] references = new long[body.getInt()];
        for (int i = 0; i < references.length; i++) {
            references[i] = body.getLong();
        }
        byte[] payload = new byte[end - body.position()];
        body.get(payload);
        return new Record(oid, serial, classId, references, payload);
    }
}
