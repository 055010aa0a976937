package org.jodb.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The default {@link PageChannel}: the real file, through a {@link FileChannel}. */
final class FileChannelPages implements PageChannel {
    private final FileChannel channel;

    FileChannelPages(FileChannel channel) {
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
