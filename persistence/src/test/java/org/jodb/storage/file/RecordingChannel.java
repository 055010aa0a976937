package org.jodb.storage.file;

import java.io.IOException;

/** The channel a workload's page file uses: applies each operation and logs it to its disk. */
final class RecordingChannel extends MemoryPageChannel {
    private final RecordingDisk disk;

    RecordingChannel(RecordingDisk disk, MemoryFile file) {
        super(file);
        this.disk = disk;
    }

    @Override
    void written(long position, byte[] data) {
        disk.log(IoOp.write(position, data));
    }

    @Override
    void forced() {
        disk.log(IoOp.force());
    }

    @Override
    public void force() throws IOException {
        super.force();
        disk.forceReturns();
    }

    @Override
    void truncated(long size) {
        disk.log(IoOp.truncate(size));
    }
}
