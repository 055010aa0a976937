package org.jodb.cache;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openjdk.jol.vm.VirtualMachine;

/**
 * Walks an object graph through JOL's view of the VM (field offsets and raw reads, so JDK classes
 * need no {@code --add-opens}), visiting each object once with its shallow size. Unlike JOL's
 * {@code GraphLayout}, it stops where told: the cache must not count the connection, the database
 * and other persistent objects as part of one object's state.
 *
 * <p>Of a {@link Reference} it follows only the referent: its queue and its pending/queue links
 * belong to the JVM's reference processing and lead to unrelated objects (other queues' references).
 */
final class HeapWalker {
    /** Visits one object of the graph with its shallow size. */
    interface Visitor {
        void visit(Object object, long size);
    }

    private final VirtualMachine vm;
    private final ClassValue<long[]> referenceOffsets = new ClassValue<>() {
        @Override
        protected long[] computeValue(Class<?> type) {
            return offsetsOf(type);
        }
    };

    HeapWalker(VirtualMachine vm) {
        this.vm = vm;
    }

    long sizeOf(Object object) {
        return vm.sizeOf(object);
    }

    /**
     * Visits every object reachable from {@code roots} without passing through an object for
     * which {@code stop} is true (such objects are neither visited nor followed; roots always are).
     */
    void walk(List<?> roots, Predicate<Object> stop, Visitor visitor) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> pending = new ArrayDeque<>();
        for (Object root : roots) {
            if (root != null && seen.put(root, Boolean.TRUE) == null) {
                pending.add(root);
            }
        }
        for (Object object; (object = pending.poll()) != null; ) {
            visitor.visit(object, vm.sizeOf(object));
            if (object instanceof Object[]) {
                for (Object element : (Object[]) object) {
                    follow(element, stop, seen, pending);
                }
            } else if (!object.getClass().isArray()) {
                for (long offset : referenceOffsets.get(object.getClass())) {
                    follow(vm.getObject(object, offset), stop, seen, pending);
                }
            }
        }
    }

    private static void follow(Object target, Predicate<Object> stop, Map<Object, Boolean> seen,
                               ArrayDeque<Object> pending) {
        if (target != null && !(target instanceof Class) && !stop.test(target)
                && seen.put(target, Boolean.TRUE) == null) {
            pending.add(target);
        }
    }

    private long[] offsetsOf(Class<?> type) {
        List<Long> offsets = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
                        && (c != Reference.class || field.getName().equals("referent"))) {
                    offsets.add(vm.fieldOffset(field));
                }
            }
        }
        return offsets.stream().mapToLong(Long::longValue).toArray();
    }
}
