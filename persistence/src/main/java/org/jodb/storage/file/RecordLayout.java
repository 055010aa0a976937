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

    static int bodyLength(Record record) {
        return 8 + 8 * record.references().length + record.payload().length;
    }

    static void encodeBody(RecordWrite write, ByteBuffer out) {
        out.putInt(write.classId()).putInt(write.references().length);
        for (long reference : write.references()) {
            out.putLong(reference);
        }
        out.put(write.payload());
    }

    /** Decodes the body at the buffer's position and moves the position past it. */
    static Record decode(long oid, long serial, ByteBuffer body, int length) {
        Record record = decode(oid, serial, body, body.position(), length);
        body.position(body.position() + length);
        return record;
    }

    /**
     * Decodes the body of {@code length} bytes at {@code offset} with absolute reads only, so
     * readers may share {@code buffer}.
     */
    static Record decode(long oid, long serial, ByteBuffer buffer, int offset, int length) {
        int classId = buffer.getInt(offset);
        long[] references = new long[buffer.getInt(offset + 4)];
        int at = offset + 8;
        for (int i = 0; i < references.length; i++, at += 8) {
            references[i] = buffer.getLong(at);
        }
        byte[] payload = new byte[offset + length - at];
        buffer.get(at, payload);
        return new Record(oid, serial, classId, references, payload);
    }
}
