package org.jodb.storage.file;

import java.nio.file.Path;

/**
 * A {@link StorageDirectory} over a disk image: the image's file under the name, or none, in which
 * case opening creates one in memory as {@link FileStorage} creates a real one. How the power-cut
 * checker opens an image, including one cut before the file had its name. Not thread-safe.
 */
final class MemoryDirectory implements StorageDirectory {
    private final Path name;
    private MemoryFile file;

    /** {@code file} null: no file has the name yet. */
    MemoryDirectory(Path name, MemoryFile file) {
        this.name = name;
        this.file = file;
    }

    @Override
    public Path path() {
        return name;
    }

    @Override
    public PageFile openExisting() {
        return file == null ? null : PageFile.overChannel(name, new MemoryPageChannel(file));
    }

    @Override
    public NewStorageFile createNew() {
        return new MemoryNewFile(this);
    }

    /** Gives {@code created} the name, unless a file has it. */
    boolean publish(MemoryFile created) {
        if (file != null) {
            return false;
        }
        file = created;
        return true;
    }
}
