package org.jodb.storage.file;

/**
 * One operation the storage issued on its file, as {@link RecordingDisk} logged it.
 *
 * @param kind     write, truncate, force, publish or directory force
 * @param position the offset of a write, the new length of a truncate, 0 otherwise
 * @param data     the bytes of a write (never changed after logging), null otherwise
 */
record IoOp(IoKind kind, long position, byte[] data) {
    /** A disk writes whole sectors atomically, nothing larger: the unit of a torn write. */
    static final int SECTOR = 512;

    static IoOp write(long position, byte[] data) {
        return new IoOp(IoKind.WRITE, position, data);
    }

    static IoOp truncate(long length) {
        return new IoOp(IoKind.TRUNCATE, length, null);
    }

    static IoOp force() {
        return new IoOp(IoKind.FORCE, 0, null);
    }

    static IoOp publish() {
        return new IoOp(IoKind.PUBLISH, 0, null);
    }

    static IoOp forceDirectory() {
        return new IoOp(IoKind.FORCE_DIRECTORY, 0, null);
    }

    /** Sectors a write covers (writes of the page file are page-aligned, so whole sectors). */
    int sectors() {
        return data == null ? 0 : (data.length + SECTOR - 1) / SECTOR;
    }

    long end() {
        return position + data.length;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case WRITE -> "write of " + data.length + " bytes at " + position;
            case TRUNCATE -> "truncate to " + position;
            case FORCE -> "force";
            case PUBLISH -> "publish under the file's name";
            case FORCE_DIRECTORY -> "directory force";
        };
    }
}
