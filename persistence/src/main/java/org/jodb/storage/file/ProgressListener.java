package org.jodb.storage.file;

/**
 * Told how far a long {@link FileStorage} operation has got ({@link FileStorage#verify(ProgressListener)},
 * {@link FileStorage#collectGarbage(ProgressListener)}, {@link FileStorage#compact(ProgressListener)}):
 * for tools that show progress (the {@code jodb} command). Called by the thread doing the work,
 * often (up to once per page or object), sometimes under the storage's commit lock: return quickly,
 * and do not call the storage.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Listens to nothing. */
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * {@code done} of {@code total} units of {@code phase} are done.
     *
     * @param phase what is being done, naming its unit ("marking objects", "verifying pages"); a new
     *              phase starts when it changes
     * @param done  units done so far in this phase
     * @param total units the phase has in all, or 0 if unknown
     */
    void progress(String phase, long done, long total);
}
