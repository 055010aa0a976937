package org.jodb.memory;

/**
 * One step of {@link DeepDeactivationProfileTest}: what the cache held (JOL) after the data of
 * bucket {@code bucket} was read and deactivated.
 */
record DeactivationStep(int bucket, long items, long buckets, long nodes, long bytes) {
}
