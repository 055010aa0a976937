package org.jodb.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** The default {@link PageChannel}: the real file, through a {@link FileChannel}. */
final class FileChannelPages implements PageChannel {
    private final Path path;
    private final FileChannel channel;

    FileChannelPages(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    @Override
    public int read(ByteBuffer target, long position) throws IOException {
        return channel.read(target, position);
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        return channel.write(source, position);
    }

    @Override
    public void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void forceDirectory() {
        ParentDirectory.force(path);
    }

    @Override
    public void truncate(long size) throws IOException {
        channel.truncate(size);
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
