package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pages a commit may write to: runs of free pages below the high-water mark, and the mark
 * itself (the page count; the file grows past it only when no free run fits).
 *
 * <p>Allocation takes the lowest-numbered run that fits, from its start, so the file's head is
 * refilled first (which also lets a later compaction truncate the tail) and a run is never split
 * into two: allocating never increases the number of runs, which the bookkeeping encoding relies
 * on. Freeing merges adjacent runs and refuses a page that is already free, turning a bookkeeping
 * bug into an error instead of two owners of one page.
 *
 * <p>Once {@link #track tracking} a {@link FreeMap}, every page handed out is cleared in it and
 * every page taken back is set, so the durable free set follows the allocations of each commit.
 *
 * <p>Not thread-safe: used under the storage's commit lock.
 */
final class FreePages {
    private final TreeMap<Long, Long> runs = new TreeMap<>(); // start -> length
    private long freeCount;
    private long pageCount;
    private FreeMap durable;

    FreePages(long pageCount) {
        this.pageCount = pageCount;
    }

    /** From now on, mirrors every allocation and free into {@code map}. */
    void track(FreeMap map) {
        this.durable = map;
    }

    private void taken(long start, int span) {
        if (durable != null) {
            durable.clear(start, start + span);
        }
    }

    /** The first page of a fresh run of {@code span} pages. */
    long allocate(int span) {
        for (Map.Entry<Long, Long> run : runs.entrySet()) {
            long start = run.getKey();
            long length = run.getValue();
            if (length >= span) {
                // Read the entry before removing it: TreeMap may recycle the entry object.
                runs.remove(start);
                if (length > span) {
                    runs.put(start + span, length - span);
                }
                freeCount -= span;
                taken(start, span);
                return start;
            }
        }
        long start = pageCount;
        pageCount += span;
        return start;
    }

    /**
     * The first page of a free run of {@code span} pages that ends at or before {@code limit}, or
     * -1 if none: compaction moves a page only if the copy lands nearer the start of the file.
     */
    long allocateBelow(int span, long limit) {
        for (Map.Entry<Long, Long> run : runs.entrySet()) {
            long start = run.getKey();
            long length = run.getValue();
            if (start + span > limit) {
                return -1;
            }
            if (length >= span) {
                runs.remove(start);
                if (length > span) {
                    runs.put(start + span, length - span);
                }
                freeCount -= span;
                taken(start, span);
                return start;
            }
        }
        return -1;
    }

    /**
     * Lowers the page count past the free run that ends the data pages, if any, so those pages can
     * be cut off the file; returns how many pages that was.
     */
    long cutTail() {
        long before = pageCount;
        endAt(usedEnd());
        return before - pageCount;
    }

    /** Where the pages in use end: the page count without the free run that ends it, if any. */
    long usedEnd() {
        Map.Entry<Long, Long> last = runs.lastEntry();
        return last != null && last.getKey() + last.getValue() == pageCount ? last.getKey() : pageCount;
    }

    /**
     * Lowers the page count to {@code pages}, taking the pages from there on out of the free run
     * that ends the data pages.
     *
     * @throws IllegalArgumentException unless {@code usedEnd() <= pages <= pageCount()}: a page
     *                                  in use would be cut off
     */
    void endAt(long pages) {
        if (pages < usedEnd() || pages > pageCount) {
            throw new IllegalArgumentException("cannot end the data pages at " + pages + ": pages in use end at "
                    + usedEnd() + ", the page count is " + pageCount);
        }
        if (pages == pageCount) {
            return;
        }
        long start = runs.lastKey(); // the free run that ends the data pages
        runs.remove(start);
        if (start < pages) {
            runs.put(start, pages - start);
        }
        freeCount -= pageCount - pages;
        if (durable != null) {
            durable.clear(pages, pageCount);
        }
        pageCount = pages;
    }

    /** Returns an extent to the free runs. */
    void free(Extent extent) {
        long start = extent.start();
        long end = extent.end();
        if (start < 2 || end > pageCount) {
            throw new IllegalStateException("freeing pages " + start + ".." + (end - 1)
                    + " outside the data pages 2.." + (pageCount - 1));
        }
        Map.Entry<Long, Long> before = runs.floorEntry(start);
        if (before != null && before.getKey() + before.getValue() > start) {
            throw new IllegalStateException("page " + start + " freed twice");
        }
        Map.Entry<Long, Long> after = runs.ceilingEntry(start);
        if (after != null && after.getKey() < end) {
            throw new IllegalStateException("page " + after.getKey() + " freed twice");
        }
        if (before != null && before.getKey() + before.getValue() == start) {
            start = before.getKey();
            runs.remove(start);
        }
        if (after != null && after.getKey() == end) {
            end = after.getKey() + after.getValue();
            runs.remove(after.getKey());
        }
        runs.put(start, end - start);
        freeCount += extent.span();
        if (durable != null) {
            durable.set(extent);
        }
    }

    long freeCount() {
        return freeCount;
    }

    long pageCount() {
        return pageCount;
    }

    int runCount() {
        return runs.size();
    }

    List<Extent> runs() {
        List<Extent> list = new ArrayList<>(runs.size());
        runs.forEach((start, length) -> list.add(new Extent(start, length)));
        return list;
    }
}
