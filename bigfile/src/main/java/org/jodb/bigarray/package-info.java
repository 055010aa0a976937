/**
 * BigArray: typed, n-dimensional, row-major arrays far larger than the heap, stored in a
 * {@link org.jodb.bigfile.BigFile} and read and written through a per-connection handle.
 *
 * <p><b>Key types.</b> {@link org.jodb.bigarray.BigArray} (the persistent array: element type,
 * shape, file), {@link org.jodb.bigarray.BigArrayHandle} (one per array and connection, and views
 * of a range of its rows: typed element access, bulk copies to and from Java arrays and
 * {@code java.nio} buffers, resize and append along the first axis, streams) and
 * {@link org.jodb.bigarray.ElementType} (byte to double; stored little-endian).
 *
 * <p><b>Inside.</b> {@code ArrayShape} checks shapes and indexes and names them in its errors;
 * {@code ElementStreams} builds the handle's streams from bulk copies.
 * The array's bytes live only in its file; the handle holds no elements of its own.
 *
 * <p>Like every persistent object, an array and its handle are used by their connection's thread.
 */
package org.jodb.bigarray;
