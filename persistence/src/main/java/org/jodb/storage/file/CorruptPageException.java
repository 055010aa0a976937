package org.jodb.storage.file;

import java.nio.file.Path;

/**
 * A page read from a storage file failed its checks: checksum, page number, type or creating
 * revision. The storage never returns data from such a page.
 */
public class CorruptPageException extends DamagedFileException {
    private final transient Path file;
    private final long pageNumber;

    public CorruptPageException(Path file, long pageNumber, String problem) {
        super(file + ": page " + pageNumber + " is corrupt: " + problem);
        this.file = file;
        this.pageNumber = pageNumber;
    }

    /** The storage file. */
    public Path file() {
        return file;
    }

    /** The number of the page that failed its checks. */
    public long pageNumber() {
        return pageNumber;
    }
}
