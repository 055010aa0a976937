package org.jodb.storage.file;

import java.nio.file.Path;
import org.jodb.JodbException;

/**
 * A storage file opened read-only beside its writer ({@link FileStorage#openReadOnly}) changed under
 * the read: the writer has committed since and reused pages of the revision being read, which is
 * no longer on the disk. Not damage: open the file again to read its newest revision.
 */
public class RevisionOverwrittenException extends JodbException {
    private final long revision;
    private final long newerRevision;

    public RevisionOverwrittenException(Path file, long revision, long newerRevision, Throwable cause) {
        super(file + ": revision " + revision + " was overwritten while being read: the process writing the file"
                + " has committed revision " + newerRevision + " since and reused pages this read needed; open the"
                + " file again to read its newest revision", cause);
        this.revision = revision;
        this.newerRevision = newerRevision;
    }

    /** The revision the read-only storage was opened at. */
    public long revision() {
        return revision;
    }

    /** A revision the writer has committed since (at least; it may be further on). */
    public long newerRevision() {
        return newerRevision;
    }
}
