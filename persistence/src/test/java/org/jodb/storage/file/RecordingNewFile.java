package org.jodb.storage.file;

/**
 * The storage file a workload creates on a {@link RecordingDisk}: its writes and forces are logged
 * like any others, its publish and directory force as such, so a cut can fall anywhere in creation.
 */
final class RecordingNewFile implements NewStorageFile {
    private final RecordingDisk disk;
    private final RecordingChannel channel;

    RecordingNewFile(RecordingDisk disk, RecordingChannel channel) {
        this.disk = disk;
        this.channel = channel;
    }

    @Override
    public PageChannel channel() {
        return channel;
    }

    @Override
    public boolean publish() {
        return disk.publish();
    }

    @Override
    public void forceDirectory() {
        disk.forceDirectory();
    }

    @Override
    public void discard() {
        channel.close();
    }
}
