/**
 * BigFile: files far larger than the heap, stored in the object database as fixed-size blocks,
 * read and written through a per-connection handle whose memory stays bounded.
 *
 * <p><b>Key types.</b> {@link org.jodb.bigfile.BigFile} (the persistent file: block size, chunk
 * size, size, a {@link org.jodb.btree.LongBTree} of blocks), {@link org.jodb.bigfile.BigFileHandle}
 * (one per file and connection: bounded set of loaded blocks, dirty tracking per block and chunk,
 * joins the connection's transactions as a {@link org.jodb.TransactionParticipant}), and
 * {@link org.jodb.bigfile.BlockFormat} (whole, chunked, or chosen per block at commit).
 *
 * <p><b>Inside.</b> Stored blocks are {@code WholeBlock} (one record) or {@code ChunkedBlock} (a
 * B+tree of {@code Chunk} records), both {@code StoredBlock}s; {@code FormatChoice} is the AUTO
 * rule, {@code BlockWriter} stores a handle's changed blocks at commit, {@code LoadedBlock} is a
 * block as a handle holds it and {@code LoadedBlocks} the handle's budgeted set of them,
 * {@code SpillArea} the temporary file of changed blocks beyond that budget, {@code AheadBatch}
 * the new block data a large commit stores ahead of itself, {@code BlockBytes} zero checks. All package-private: the stored layout may change.
 *
 * <p>Like every persistent object, a file and its handle are used by their connection's thread.
 */
package org.jodb.bigfile;
