package org.jodb.storage.internal;

import java.util.Arrays;
import java.util.function.LongFunction;
import org.jodb.storage.Record;

/**
 * The mark phase of garbage collection, shared by the storages: follows the reference lists that
 * every record carries ({@link Record#references()}), so no user class is loaded or decoded.
 *
 * <p>Stateless; the marks it fills are confined to the calling thread.
 */
public final class Reachability {
    private Reachability() {
    }

    /**
     * Adds to {@code marks} every oid reachable from {@code starts} through {@code references}
     * (oid -> the oids its record refers to, or null if no such object exists). Each object is
     * read once. Starts are always traversed, other oids only when first marked: a caller continues
     * an earlier marking from the objects written since (whose references may have changed), and
     * cycles end. A dangling reference is marked but leads
     * nowhere (it names nothing a sweep could remove). Iterative: a long chain cannot overflow the
     * stack.
     */
    public static void mark(LongFunction<long[]> references, long[] starts, OidMarks marks) {
        long[] stack = new long[64];
        int top = 0;
        for (long start : starts) {
            marks.add(start);
            stack = push(stack, top++, start);
        }
        while (top > 0) {
            long[] refs = references.apply(stack[--top]);
            if (refs == null) {
                continue;
            }
            for (long ref : refs) {
                if (marks.add(ref)) {
                    stack = push(stack, top++, ref);
                }
            }
        }
    }

    private static long[] push(long[] stack, int at, long oid) {
        long[] grown = at == stack.length ? Arrays.copyOf(stack, at * 2) : stack;
        grown[at] = oid;
        return grown;
    }
}
