package org.jodb.storage.file;

/**
 * One disk image a power cut could leave, with what it must hold.
 *
 * @param file           the bytes on the disk after the cut under the storage file's name; null if
 *                       no file has the name (the cut came before its creation was durable)
 * @param issuedOps      operations of the log issued before the cut
 * @param description    which unforced operations survived, for a failure message
 * @param torn           whether a write survived only in part
 * @param acknowledged   the newest revision reported durable before the cut (-1: none)
 * @param newestPossible the newest revision the cut may leave (the one in flight)
 */
record DiskImage(MemoryFile file, int issuedOps, String description, boolean torn, long acknowledged,
        long newestPossible) {
}
