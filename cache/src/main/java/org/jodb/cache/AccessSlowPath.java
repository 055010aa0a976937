package org.jodb.cache;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * The out-of-line part of an enhanced field access, called by the generated
 * {@code $jodbBeforeRead()} / {@code $jodbBeforeWrite()} only when the state code asks for it.
 *
 * <p>Why the detour through method handles: if the JIT inlined the manager's loading code into
 * every field accessor, the compiled accessor would grow past the size the JIT still inlines into
 * its callers ({@code InlineSmallCode}), and a loop over persistent objects would pay a real call
 * per field read. A call through a handle held in a non-final field is never inlined, so the
 * accessor keeps its loaded fast path — one field read, one branch — small and inlinable. The
 * extra indirection costs nothing measurable next to loading an object.
 */
public final class AccessSlowPath {
    // Deliberately not final: a non-constant handle is an inlining barrier for the JIT.
    private static MethodHandle beforeRead = handle("managerBeforeRead");
    private static MethodHandle beforeWrite = handle("managerBeforeWrite");

    private AccessSlowPath() {
    }

    /** Lets the object's manager load it or note its use; see {@link StateManager#beforeRead}. */
    public static void beforeRead(PersistentObject object) {
        try {
            beforeRead.invokeExact(object);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
    }

    /** Lets the object's manager mark it changed; see {@link StateManager#beforeWrite}. */
    public static void beforeWrite(PersistentObject object) {
        try {
            beforeWrite.invokeExact(object);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
    }

    private static void managerBeforeRead(PersistentObject object) {
        object.$jodbManager().beforeRead(object);
    }

    private static void managerBeforeWrite(PersistentObject object) {
        object.$jodbManager().beforeWrite(object);
    }

    private static MethodHandle handle(String name) {
        try {
            return MethodHandles.lookup().findStatic(AccessSlowPath.class, name,
                    MethodType.methodType(void.class, PersistentObject.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
