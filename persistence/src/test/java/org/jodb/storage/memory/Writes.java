package org.jodb.storage.memory;

import java.nio.charset.StandardCharsets;
import org.jodb.storage.Record;
import org.jodb.storage.RecordWrite;

/** Builders for test writes: payloads are short strings so failures read well. */
final class Writes {
    static final long[] NO_REFS = new long[0];

    private Writes() {
    }

    static RecordWrite write(long oid, long baseSerial, int classId, String payload) {
        return new RecordWrite(oid, baseSerial, classId, NO_REFS, bytes(payload));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The payload of {@code record} as text, or null for an absent record. */
    static String text(Record record) {
        return record == null ? null : new String(record.payload(), StandardCharsets.UTF_8);
    }
}
