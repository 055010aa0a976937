package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One page, or one extent of contiguous pages, in memory: a 32-byte header followed by the body.
 *
 * <p><b>Header</b> (big-endian): {@code [0,4)} CRC32C of bytes {@code [4, end)} of the whole
 * extent; {@code [4]} {@link PageType} code; {@code [5,8)} zero; {@code [8,12)} span in pages;
 * {@code [12,16)} body length in bytes (or entry count, by type); {@code [16,24)} the page's own
 * number, which catches writes that landed at the wrong offset; {@code [24,32)} the revision whose
 * commit created the page, which the interval rule needs and which pointers to the page repeat so
 * that a stale or reused page is detected.
 *
 * <p>Not thread-safe; a page is filled by one thread, sealed, then only read.
 */
final class Page {
    static final int HEADER_SIZE = 32;
    private static final int CRC = 0;
    private static final int TYPE = 4;
    private static final int SPAN = 8;
    private static final int COUNT = 12;
    private static final int NUMBER = 16;
    private static final int CREATED = 24;

    private final ByteBuffer buffer;

    private Page(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** A blank extent of {@code span} pages with its header filled in; the body is zero. */
    static Page create(int pageSize, PageType type, long number, int span, long created) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(pageSize, span));
        buffer.put(TYPE, type.code);
        buffer.putInt(SPAN, span);
        buffer.putLong(NUMBER, number);
        buffer.putLong(CREATED, created);
        return new Page(buffer);
    }

    /** Wraps bytes read from the file; nothing is checked yet. */
    static Page wrap(ByteBuffer buffer) {
        return new Page(buffer);
    }

    /** Pages needed for a body of {@code bodyLength} bytes. */
    static int spanFor(int pageSize, long bodyLength) {
        return Math.toIntExact((HEADER_SIZE + bodyLength + pageSize - 1) / pageSize);
    }

    PageType type() {
        return PageType.of(buffer.get(TYPE));
    }

    byte typeCode() {
        return buffer.get(TYPE);
    }

    int span() {
        return buffer.getInt(SPAN);
    }

    int count() {
        return buffer.getInt(COUNT);
    }

    void count(int count) {
        buffer.putInt(COUNT, count);
    }

    long number() {
        return buffer.getLong(NUMBER);
    }

    long created() {
        return buffer.getLong(CREATED);
    }

    /** The body as a buffer positioned at its start; writes through to the page. */
    ByteBuffer body() {
        return buffer.duplicate().position(HEADER_SIZE);
    }

    /** The whole extent, positioned at 0, for writing to the file. */
    ByteBuffer bytes() {
        return buffer.duplicate().clear();
    }

    int size() {
        return buffer.capacity();
    }

    /** Computes and stores the checksum; call after the last change. */
    Page seal() {
        buffer.putInt(CRC, checksum());
        return this;
    }

    /** The CRC32C in the header, as sealed (or as read). */
    int storedChecksum() {
        return buffer.getInt(CRC);
    }

    boolean checksumHolds() {
        return buffer.getInt(CRC) == checksum();
    }

    private int checksum() {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().clear().position(TYPE));
        return (int) crc.getValue();
    }
}
