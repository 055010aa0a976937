package org.jodb.storage;

/**
 * The outcome of {@link Storage#compact()}.
 *
 * @param revision    the newest revision afterwards (compaction commits revisions that move
 *                    pages but change no object)
 * @param bytesBefore the storage's size in bytes before (0 for a storage without a file)
 * @param bytesAfter  its size after
 * @param pagesMoved  live pages copied from the end of the file into free pages nearer its start
 */
public record CompactionResult(long revision, long bytesBefore, long bytesAfter, long pagesMoved) {
}
