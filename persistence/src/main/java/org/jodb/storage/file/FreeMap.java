package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The durable free set as a bitmap: one bit per page, set when the page is free once the revision
 * being written is durable and the file is reopened (no pins then, so a page superseded by a
 * revision that left the retention window is free even while a pin still holds it in memory).
 *
 * <p>The bitmap is cut into <em>chunks</em> of one page each ({@link PageType#FREE_MAP}), a chunk
 * covering {@code (pageSize - 32) * 8} pages (32,512 with 4 KiB pages, 127 MiB of file). A change
 * marks its chunk dirty, and a commit rewrites only the dirty chunks: a one-object commit touches
 * one or two chunks however many free pages and runs the file has, where a list of runs (format
 * version 2, as bbolt does) is rewritten whole. Setting and clearing are idempotent, so the same
 * page may be reported free twice (when its group leaves the window, and again when a pin lets it
 * go in memory) without harm, and only a bit that changes dirties its chunk.
 *
 * <p>Not thread-safe: used under the storage's commit lock.
 */
final class FreeMap {
    private final int pageSize;
    private final int wordsPerChunk;
    private final long pagesPerChunk;
    /** Chunk words; null = every bit clear. */
    private final List<long[]> chunks = new ArrayList<>();
    private final BitSet dirty = new BitSet();

    FreeMap(int pageSize) {
        this.pageSize = pageSize;
        this.wordsPerChunk = (pageSize - Page.HEADER_SIZE) / Long.BYTES;
        this.pagesPerChunk = (long) wordsPerChunk * Long.SIZE;
    }

    long pagesPerChunk() {
        return pagesPerChunk;
    }

    /** Chunks needed to cover {@code pageCount} pages. */
    int chunksFor(long pageCount) {
        return Math.toIntExact((pageCount + pagesPerChunk - 1) / pagesPerChunk);
    }

    /** Marks the extent's pages free. */
    void set(Extent extent) {
        update(extent.start(), extent.end(), true);
    }

    /** Marks {@code [start, end)} in use (or beyond the file). */
    void clear(long start, long end) {
        update(start, end, false);
    }

    private void update(long start, long end, boolean free) {
        for (long page = start; page < end;) {
            int chunk = (int) (page / pagesPerChunk);
            long chunkEnd = Math.min(end, (chunk + 1) * pagesPerChunk);
            long[] words = words(chunk, free);
            if (words != null && setRange(words, (int) (page - chunk * pagesPerChunk),
                    (int) (chunkEnd - chunk * pagesPerChunk), free)) {
                dirty.set(chunk);
            }
            page = chunkEnd;
        }
    }

    /** Sets or clears bits {@code [from, to)}; whether any changed (only a change dirties a chunk). */
    private static boolean setRange(long[] words, int from, int to, boolean value) {
        boolean changed = false;
        for (int bit = from; bit < to;) {
            int word = bit >>> 6;
            int upTo = Math.min(to, (word + 1) << 6);
            long mask = (upTo - bit == 64 ? -1L : ((1L << (upTo - bit)) - 1)) << (bit & 63);
            long before = words[word];
            words[word] = value ? before | mask : before & ~mask;
            changed |= words[word] != before;
            bit = upTo;
        }
        return changed;
    }

    /** The chunk's words, created when {@code create}; null for a chunk without any set bit. */
    private long[] words(int chunk, boolean create) {
        while (chunks.size() <= chunk) {
            if (!create) {
                return null;
            }
            chunks.add(null);
        }
        long[] words = chunks.get(chunk);
        if (words == null && create) {
            words = new long[wordsPerChunk];
            chunks.set(chunk, words);
        }
        return words;
    }

    boolean isFree(long page) {
        int chunk = (int) (page / pagesPerChunk);
        long[] words = chunk < chunks.size() ? chunks.get(chunk) : null;
        int bit = (int) (page - chunk * pagesPerChunk);
        return words != null && (words[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    /** Calls {@code action} with each run of free pages, in page order. */
    void forEachRun(Consumer<Extent> action) {
        long runStart = -1;
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            long[] words = chunks.get(chunk);
            long base = chunk * pagesPerChunk;
            if (words == null) {
                if (runStart >= 0) {
                    action.accept(new Extent(runStart, base - runStart));
                    runStart = -1;
                }
                continue;
            }
            for (int word = 0; word < words.length; word++) {
                long bits = words[word];
                long wordBase = base + ((long) word << 6);
                if (runStart < 0 && bits == 0 || runStart >= 0 && bits == -1L) {
                    continue;
                }
                for (int bit = 0; bit < 64; bit++) {
                    boolean free = (bits & (1L << bit)) != 0;
                    if (free && runStart < 0) {
                        runStart = wordBase + bit;
                    } else if (!free && runStart >= 0) {
                        action.accept(new Extent(runStart, wordBase + bit - runStart));
                        runStart = -1;
                    }
                }
            }
        }
        if (runStart >= 0) {
            action.accept(new Extent(runStart, chunks.size() * pagesPerChunk - runStart));
        }
    }

    /** The chunks changed since {@link #clean()}. */
    BitSet dirty() {
        return dirty;
    }

    void markDirty(int chunk) {
        dirty.set(chunk);
    }

    void clean() {
        dirty.clear();
    }

    /** Forgets the chunks from {@code chunkCount} on (the page count went down past them). */
    void truncate(int chunkCount) {
        while (chunks.size() > chunkCount) {
            chunks.remove(chunks.size() - 1);
        }
        dirty.clear(chunkCount, Math.max(chunkCount, dirty.length()));
    }

    /** The chunk as a sealed page at {@code page}, created by {@code revision}; count = chunk index. */
    Page encode(int chunk, long page, long revision) {
        Page extent = Page.create(pageSize, PageType.FREE_MAP, page, 1, revision);
        long[] words = chunk < chunks.size() ? chunks.get(chunk) : null;
        if (words != null) {
            extent.body().asLongBuffer().put(words);
        }
        extent.count(chunk);
        return extent.seal();
    }

    /** Loads chunk {@code chunk} from its page, as read at open; not dirty. */
    void load(int chunk, Page page, Path file) {
        if (page.count() != chunk) {
            throw new CorruptPageException(file, page.number(), "the free-map page holds chunk " + page.count()
                    + " where chunk " + chunk + " belongs");
        }
        long[] words = new long[wordsPerChunk];
        ByteBuffer body = page.body();
        body.asLongBuffer().get(words);
        boolean any = false;
        for (long word : words) {
            any |= word != 0;
        }
        if (any) {
            words(chunk, true);
            chunks.set(chunk, words);
        }
    }
}
