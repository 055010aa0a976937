package org.jodb.storage.file;

/**
 * What a power-cut campaign runs once against a {@link RecordingDisk}: a sequence of storage
 * operations through {@link TrackedStorage}, which acknowledges each durable revision and records
 * its content. Deterministic for a seed, so a failing image reproduces.
 */
interface PowerCutWorkload {
    /** A short name for the figures line. */
    String name();

    /** The options to run with (a fixed page size, so meta pages are known). */
    FileStorageOptions options();

    /**
     * Runs with {@code options} (its own, or as a campaign changed them; images are checked with
     * them); {@code seed} varies the records written, so more seeds cover more logs.
     */
    void run(RecordingDisk disk, ExpectedRevisions expected, FileStorageOptions options, long seed);
}
