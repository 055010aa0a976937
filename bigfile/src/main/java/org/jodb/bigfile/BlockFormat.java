package org.jodb.bigfile;

/**
 * How a {@link BigFile} stores a block when a commit writes it.
 *
 * <ul>
 * <li>{@link #WHOLE}: one record holding the block's bytes (trailing zeros left out). Cheapest to
 *     read in full; any change rewrites the whole block.</li>
 * <li>{@link #CHUNKED}: a B+tree of chunk offset to chunk record ({@link BigFile#chunkSize()}
 *     bytes each, all-zero chunks not stored). A change rewrites only the chunks it touches (plus
 *     a small record for the block); reading the block in full reads every chunk.</li>
 * <li>{@link #AUTO}: chosen per block at each commit from how much of it changed, see
 *     {@link FormatChoice}: a small change keeps or makes the block chunked; a rewrite of most of
 *     it, or the append that fills a chunked block up, stores it whole.</li>
 * </ul>
 */
public enum BlockFormat {
    WHOLE,
    CHUNKED,
    AUTO
}
