package org.jodb.storage.file;

/** A storage file the power-cut checker creates in a {@link MemoryDirectory}. Not thread-safe. */
final class MemoryNewFile implements NewStorageFile {
    private final MemoryDirectory directory;
    private final MemoryFile file = new MemoryFile();
    private final MemoryPageChannel channel = new MemoryPageChannel(file);

    MemoryNewFile(MemoryDirectory directory) {
        this.directory = directory;
    }

    @Override
    public PageChannel channel() {
        return channel;
    }

    @Override
    public boolean publish() {
        return directory.publish(file);
    }

    @Override
    public void forceDirectory() {
        // nothing to make durable: the checker only opens
    }

    @Override
    public void discard() {
        channel.close();
    }
}
