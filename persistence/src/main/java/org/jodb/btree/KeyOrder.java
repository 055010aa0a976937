package org.jodb.btree;

import java.lang.reflect.Proxy;
import java.util.Comparator;

/**
 * The order of an {@link ObjectBTree}'s keys: its comparator, or the keys' natural order when that
 * is null. Static helpers shared by the tree, its buckets and its nodes, which each hold the
 * comparator (a bucket needs it to merge, without reading its tree).
 */
final class KeyOrder {
    private KeyOrder() {
    }

    /** Compares {@code a} with {@code b} by {@code comparator}, or naturally if it is null. */
    @SuppressWarnings("unchecked")
    static int compare(Comparator<Object> comparator, Object a, Object b) {
        return comparator == null ? ((Comparable<Object>) a).compareTo(b) : comparator.compare(a, b);
    }

    /**
     * {@code comparator} if it can be stored with a tree. A lambda, method reference, anonymous,
     * local or proxy class has no stable name, so a stored tree could not be loaded again (the
     * serializer refuses it at commit): refuse it now, at creation, with what to use instead.
     */
    static <T> Comparator<T> storable(Comparator<T> comparator) {
        if (comparator == null) {
            return null;
        }
        Class<?> type = comparator.getClass();
        String kind = type.isHidden() || type.isSynthetic() ? "a lambda or method reference"
                : type.isAnonymousClass() ? "an anonymous class"
                : type.isLocalClass() ? "a local class"
                : Proxy.isProxyClass(type) ? "a proxy class" : null;
        if (kind != null) {
            throw new IllegalArgumentException("the comparator " + type.getName() + " is " + kind
                    + ", which has no stable name and cannot be stored with the tree; use an enum constant,"
                    + " a record or a plain (top-level or static nested) class that implements Comparator");
        }
        return comparator;
    }

    /** Whether two comparators (or natural orders, null) are of one class: the states of one part. */
    static boolean sameClass(Comparator<Object> a, Comparator<Object> b) {
        return a == null ? b == null : b != null && a.getClass() == b.getClass();
    }
}
