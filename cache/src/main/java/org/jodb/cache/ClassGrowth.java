package org.jodb.cache;

/**
 * How the instances of one class changed between two {@link HeapProfile}s, like a line of
 * objgraph's {@code show_growth}.
 *
 * @param className  the class name
 * @param count      instances in the later profile
 * @param countDelta instances gained since the earlier profile (negative: lost)
 * @param bytes      bytes in the later profile
 * @param bytesDelta bytes gained since the earlier profile (negative: lost)
 */
public record ClassGrowth(String className, long count, long countDelta, long bytes, long bytesDelta) {
}
