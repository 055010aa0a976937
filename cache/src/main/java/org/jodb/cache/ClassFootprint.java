package org.jodb.cache;

/**
 * The instances of one class in a {@link HeapProfile}.
 *
 * @param className the class name ({@code [B} style for arrays)
 * @param count     instances
 * @param bytes     their total shallow size
 */
public record ClassFootprint(String className, long count, long bytes) {
}
