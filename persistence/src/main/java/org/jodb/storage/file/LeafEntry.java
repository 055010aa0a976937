package org.jodb.storage.file;

import java.nio.ByteBuffer;

/**
 * One record's slot in a leaf: oid and serial, then either the record body inline or a pointer to
 * the overflow extent holding it. Immutable.
 *
 * <p><b>Encoding</b>: oid (8), serial (8), kind (1: 0 inline, 1 overflow), body length (4), then
 * the body, or the overflow extent's first page (8) and creating revision (8). This class is the
 * one home of that layout: it encodes entries ({@link #encode}) and names every offset;
 * {@link PackedEntries} decodes them in place by these offsets.
 */
record LeafEntry(long oid, long serial, int bodyLength, byte[] inlineBody, NodeRef overflow) {
    // The layout, in bytes from the entry's start; PackedEntries reads entries in place by these.
    static final int SERIAL_AT = 8;
    static final int KIND_AT = 16;
    static final int LENGTH_AT = 17;
    /** Where the inline body or the overflow pointer starts: the size of the fixed part. */
    static final int BODY_AT = 21;
    /** Where an overflow pointer's creating revision starts, after the extent's first page. */
    static final int OVERFLOW_CREATED_AT = BODY_AT + 8;
    /** An overflow pointer: the extent's first page (8) and creating revision (8). */
    static final int OVERFLOW_POINTER = 16;
    static final byte INLINE = 0;
    static final byte OVERFLOW = 1;

    static LeafEntry inline(long oid, long serial, byte[] body) {
        return new LeafEntry(oid, serial, body.length, body, null);
    }

    /**
     * A change that removes {@code oid} from the tree (garbage collection). Only ever passed to
     * {@link ObjectTree#update}, never stored, so it has no encoding.
     */
    static LeafEntry removal(long oid) {
        return new LeafEntry(oid, 0, -1, null, null);
    }

    boolean isRemoval() {
        return bodyLength < 0;
    }

    static LeafEntry overflow(long oid, long serial, int bodyLength, NodeRef extent) {
        return new LeafEntry(oid, serial, bodyLength, null, extent);
    }

    /** The largest record body stored inline: at least four entries fit in a leaf. */
    static int inlineLimit(int pageSize) {
        return (pageSize - Page.HEADER_SIZE) / 4 - BODY_AT;
    }

    /** The bytes of an entry whose body is {@code length} bytes, {@code inline} or not. */
    static int encodedSize(boolean inline, int length) {
        return BODY_AT + (inline ? length : OVERFLOW_POINTER);
    }

    int encodedSize() {
        return encodedSize(overflow == null, bodyLength);
    }

    void encode(ByteBuffer out) {
        out.putLong(oid).putLong(serial).put(overflow == null ? INLINE : OVERFLOW).putInt(bodyLength);
        if (overflow == null) {
            out.put(inlineBody);
        } else {
            out.putLong(overflow.page()).putLong(overflow.created());
        }
    }
}
