package org.jodb.cli.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.jodb.Database;
import org.jodb.DatabaseOptions;
import org.jodb.storage.RecordWrite;
import org.jodb.storage.Storage;
import org.jodb.storage.file.FileStorage;
import org.jodb.storage.file.FileStorageOptions;

/**
 * Storage files the command's tests run on, made by the tests, and ways to damage them.
 *
 * <p>The sample: the root map holds shipment "s1" as "first", and shipments "s1" to "s{n}" are chained
 * by {@code next} (a reference chain as deep as there are shipments); "s2" was
 * sent twice in later commits (so it has versions), and one shipment, "lost", was stored and then
 * dropped from the root (garbage). Revisions are retained ({@link #RETAINED}).
 */
public final class SampleFiles {
    /** Revisions the sample keeps openable. */
    public static final int RETAINED = 10;
    /** Byte offsets in a page (the storage package's format documentation). */
    private static final int HEADER = 32;
    private static final int TYPE_AT = 4;
    private static final int CREATED_AT = 24;
    private static final int VERSION_AT = 36;
    private static final byte LEAF = 2;
    private static final byte CATALOG = 6;

    private SampleFiles() {
    }

    /** Writes the sample with {@code shipments} shipments to {@code file}. */
    public static Path sample(Path file, int shipments) {
        FileStorageOptions options = FileStorageOptions.defaults().keepRevisions(RETAINED).withSync(false);
        try (Database db = Database.open(FileStorage.open(file, options), DatabaseOptions.defaults())) {
            db.transact(c -> {
                Shipment previous = null;
                for (int i = shipments; i >= 1; i--) {
                    Shipment shipment = new Shipment("s" + i, i, new Address("Lyon", 69000 + i));
                    shipment.setNext(previous);
                    previous = shipment;
                }
                c.root().put("first", previous);
                c.root().put("lost", new Shipment("lost", 99, new Address("Nowhere", 0)));
            });
            db.transact(c -> ((Shipment) c.root().get("first")).next().send("picked up"));
            db.transact(c -> c.root().remove("lost"));
            db.transact(c -> ((Shipment) c.root().get("first")).next().send("delivered"));
        }
        return file;
    }

    /**
     * Flips one byte in the middle of the leaf page the newest revision wrote (live, unlike the
     * superseded leaves kept for older revisions); returns its number.
     */
    public static long damageNewestLeaf(Path file) throws IOException {
        return damageNewest(file, LEAF);
    }

    /**
     * Flips one byte in the middle of every leaf page the oldest revision that wrote leaves wrote (in
     * a file that only ever appended records, such as {@link #halfGarbage}, most of them are live
     * and no newer commit wrote them, so the open still takes the newest revision; the others are
     * free); returns their numbers.
     */
    public static List<Long> damageOldestLeaves(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int pageSize = pageSize(channel);
            long oldest = Long.MAX_VALUE;
            List<Long> pages = new ArrayList<>();
            for (long page = 2; page * pageSize < channel.size(); page++) {
                ByteBuffer header = ByteBuffer.allocate(HEADER);
                channel.read(header, page * pageSize);
                long created = header.getLong(CREATED_AT);
                if (header.get(TYPE_AT) == LEAF && created <= oldest) {
                    if (created < oldest) {
                        pages.clear();
                        oldest = created;
                    }
                    pages.add(page);
                }
            }
            for (long page : pages) {
                flip(channel, page * pageSize + pageSize / 2);
            }
            return pages;
        }
    }

    /**
     * Flips one byte in the middle of the catalog extent's first page, which opening the file
     * reads; returns its number.
     */
    public static long damageCatalog(Path file) throws IOException {
        return damageNewest(file, CATALOG);
    }

    private static long damageNewest(Path file, byte pageType) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int pageSize = pageSize(channel);
            long newest = -1;
            long newestCreated = -1;
            for (long page = 2; page * pageSize < channel.size(); page++) {
                ByteBuffer header = ByteBuffer.allocate(HEADER);
                channel.read(header, page * pageSize);
                if (header.get(TYPE_AT) == pageType && header.getLong(CREATED_AT) > newestCreated) {
                    newest = page;
                    newestCreated = header.getLong(CREATED_AT);
                }
            }
            if (newest < 0) {
                throw new IllegalStateException(file + " has no page of type " + pageType);
            }
            flip(channel, newest * pageSize + pageSize / 2);
            return newest;
        }
    }

    private static void flip(FileChannel channel, long at) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        channel.read(b, at);
        b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
        channel.write(b, at);
    }

    /**
     * Writes a file of {@code objects} records of 100 bytes, every other one referred to by the
     * root and the rest garbage, in commits of 10,000 records: long work for gc, compact and copy.
     */
    public static Path halfGarbage(Path file, int objects) {
        try (FileStorage storage = FileStorage.open(file, FileStorageOptions.defaults().withSync(false))) {
            int layout = storage.typeId("layout:example.Blob{bytes:L}");
            byte[] payload = new byte[100];
            long[] kept = new long[(objects + 1) / 2];
            List<RecordWrite> writes = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                long oid = storage.newOid();
                if (i % 2 == 0) {
                    kept[i / 2] = oid;
                }
                writes.add(new RecordWrite(oid, 0, layout, new long[0], payload));
                if (writes.size() == 10_000) {
                    storage.commit(writes);
                    writes.clear();
                }
            }
            writes.add(new RecordWrite(Storage.ROOT_OID, 0, layout, kept, new byte[0]));
            storage.commit(writes);
        }
        return file;
    }

    /** Rewrites both meta pages as format {@code version}, with valid checksums. */
    public static void setFormatVersion(Path file, int version) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int pageSize = pageSize(channel);
            for (int slot = 0; slot < 2; slot++) {
                ByteBuffer page = ByteBuffer.allocate(pageSize);
                channel.read(page, (long) slot * pageSize);
                page.putInt(VERSION_AT, version);
                CRC32C crc = new CRC32C();
                crc.update(page.array(), 4, pageSize - 4);
                page.putInt(0, (int) crc.getValue()).rewind();
                channel.write(page, (long) slot * pageSize);
            }
        }
    }

    private static int pageSize(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        channel.read(head, 40); // the page size follows the magic and the version
        return head.getInt(0);
    }
}
