package org.jodb.storage.file;

import java.util.List;
import org.jodb.JodbException;

/**
 * {@link FileStorage#verify()} found problems: damaged pages (each with the oids it affects) and
 * accounting errors (pages lost or counted twice). The message lists them all.
 */
public class VerifyFailedException extends JodbException {
    private final transient List<DamagedPage> damagedPages;

    public VerifyFailedException(String message, List<DamagedPage> damagedPages) {
        super(message);
        this.damagedPages = List.copyOf(damagedPages);
    }

    /** The pages that failed their checks, in the order found (at most the first few hundred). */
    public List<DamagedPage> damagedPages() {
        return damagedPages;
    }
}
