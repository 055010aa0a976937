package org.jodb.cache;

import java.util.List;
import org.openjdk.jol.vm.VM;

/**
 * The {@link HeapMeter} backed by JOL. JOL needs JVM flags to work silently (see the README:
 * {@code -Djdk.attach.allowAttachSelf=true -XX:+EnableDynamicAgentLoading -Djol.magicFieldOffset=true},
 * and on JDK 23+ {@code --sun-misc-unsafe-memory-access=allow}).
 */
final class JolHeapMeter implements HeapMeter {
    private static volatile JolHeapMeter instance;
    private static volatile boolean unavailable;

    private final HeapWalker walker;

    private JolHeapMeter(HeapWalker walker) {
        this.walker = walker;
    }

    /** The shared meter, or null when JOL cannot inspect this JVM (then it is not retried). */
    static JolHeapMeter create() {
        JolHeapMeter meter = instance;
        if (meter != null || unavailable) {
            return meter;
        }
        synchronized (JolHeapMeter.class) {
            if (instance == null && !unavailable) {
                try {
                    instance = new JolHeapMeter(new HeapWalker(VM.current()));
                } catch (RuntimeException | LinkageError e) {
                    unavailable = true;
                }
            }
            return instance;
        }
    }

    HeapWalker walker() {
        return walker;
    }

    @Override
    public long shallowSize(Object object) {
        return walker.sizeOf(object);
    }

    @Override
    public long stateSize(PersistentObject object) {
        long[] total = {0};
        walker.walk(List.of(object), JolHeapMeter::notOwned, (o, size) -> total[0] += size);
        return total[0];
    }

    /** What an object's state refers to but does not own. */
    static boolean notOwned(Object target) {
        return target instanceof PersistentObject || target instanceof StateManager || target instanceof Enum;
    }
}
