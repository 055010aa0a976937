package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault-injecting layer under the page file: an in-memory file (an existing file put there by
 * {@link #preload}, or none, which the first open creates) that a workload's storages
 * (one after another, across restarts) read and write through {@link FileStorage#open(StorageDirectory,
 * FileStorageOptions)}, logging every write, truncate and force in issue order ({@link IoLog}), and
 * the revisions the workload acknowledged. The creation of the file is logged too: its writes go to
 * the one in-memory file before it has the name, then a publish and a directory force
 * ({@link RecordingNewFile}); as with a hard link, the file keeps its content when it gets the name.
 * Reads see every write, as the page cache does; what a power cut leaves is decided afterwards from
 * the log ({@link ImageBuilder}). A {@link DiskFault} other than NONE logs a broken storage instead.
 *
 * <p>Thread-safe: operations are logged under the file's monitor, in the order they took effect.
 */
final class RecordingDisk implements StorageDirectory {
    private final MemoryFile file = new MemoryFile();
    private MemoryFile initial; // null: no file under the name before the first operation
    private boolean named; // guarded by file: whether the file has the name (as the page cache sees it)
    private final List<IoOp> ops = new ArrayList<>();
    private final List<Acknowledgement> acknowledgements = new ArrayList<>();
    private final List<Acknowledgement> metaWrites = new ArrayList<>();
    private volatile long forceDelayMillis;
    private final DiskFault fault;
    private final int pageSize;
    private final Path name;

    /** {@code pageSize} tells the meta pages (pages 0 and 1) apart, for {@link DiskFault#META_BEFORE_DATA}. */
    RecordingDisk(Path name, int pageSize, DiskFault fault) {
        this.name = name;
        this.pageSize = pageSize;
        this.fault = fault;
    }

    @Override
    public Path path() {
        return name;
    }

    /** A page file over the file, as {@link FileStorage#open(PageFile, FileStorageOptions)} takes it. */
    @Override
    public PageFile openExisting() {
        synchronized (file) {
            return named ? PageFile.overChannel(name, new RecordingChannel(this, file)) : null;
        }
    }

    /** The file, before it has the name; a disk holds one file, so it is created once. */
    @Override
    public NewStorageFile createNew() {
        synchronized (file) {
            if (named || file.length() > 0) {
                throw new IllegalStateException("a recording disk holds one file, created once");
            }
            return new RecordingNewFile(this, new RecordingChannel(this, file));
        }
    }

    /** Gives the file the name, unless it has it; logged as a publish. */
    boolean publish() {
        synchronized (file) {
            if (named) {
                return false;
            }
            named = true;
            log(IoOp.publish());
            return true;
        }
    }

    void forceDirectory() {
        synchronized (file) {
            log(IoOp.forceDirectory());
        }
    }

    /** Puts an existing file on the disk, durable, before the first operation. */
    void preload(byte[] content) {
        synchronized (file) {
            if (!ops.isEmpty() || named) {
                throw new IllegalStateException("preload an empty disk, before any operation");
            }
            file.write(0, content, 0, content.length);
            initial = file.copy();
            named = true;
        }
    }

    /** Records that {@code revision} was reported durable now. */
    void acknowledge(long revision) {
        synchronized (file) {
            acknowledgements.add(new Acknowledgement(ops.size(), revision));
        }
    }

    IoLog log() {
        synchronized (file) {
            return new IoLog(initial, ops, acknowledgements, metaWrites);
        }
    }

    /**
     * Makes every later force take {@code millis} longer, after it is logged (outside the file's
     * monitor): as a real sync does, it gives concurrent committers time to queue behind it.
     */
    void slowForces(long millis) {
        forceDelayMillis = millis;
    }

    /** Called by the channel after a force, outside the file's monitor. */
    void forceReturns() {
        long millis = forceDelayMillis;
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called by the channel under the file's monitor. */
    void log(IoOp op) {
        if (isMetaPage(op)) {
            // The revision, from the page header's creating revision (bytes 24 to 32).
            long revision = ByteBuffer.wrap(op.data()).getLong(24);
            metaWrites.add(new Acknowledgement(ops.size() + 1, revision));
        }
        if (op.kind() == IoKind.FORCE && fault == DiskFault.IGNORE_FORCE
                || op.kind() == IoKind.FORCE_DIRECTORY && fault == DiskFault.IGNORE_DIRECTORY_FORCE) {
            return;
        }
        if (fault == DiskFault.META_BEFORE_DATA && isMetaPage(op)) {
            int at = afterPreviousCommit();
            ops.add(at, op);
            acknowledgements.replaceAll(ack -> ack.issuedOps() > at
                    ? new Acknowledgement(ack.issuedOps() + 1, ack.revision()) : ack);
            return;
        }
        ops.add(op);
    }

    private boolean isMetaPage(IoOp op) {
        return op.kind() == IoKind.WRITE && op.data().length == pageSize
                && (op.position() == 0 || op.position() == pageSize);
    }

    /**
     * Where the previous commit ended: just after the force before the newest force (the newest
     * one synced this commit's data pages), or the start of the log.
     */
    private int afterPreviousCommit() {
        int forces = 0;
        for (int i = ops.size() - 1; i >= 0; i--) {
            if (ops.get(i).kind() == IoKind.FORCE && ++forces == 2) {
                return i + 1;
            }
        }
        return 0;
    }
}
