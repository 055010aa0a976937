package org.jodb.enhance;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateCodes;
import org.jodb.cache.StateManager;

/**
 * A state manager test double that counts hook calls and "loads" ghosts by setting fields with
 * reflection, which bypasses the enhanced accessors just as the real loader will.
 */
final class RecordingStateManager implements StateManager {

    private final Map<String, Object> ghostState = new HashMap<>();
    int reads;
    int writes;
    int loads;

    /** On loading a ghost, field {@code name} (of any class of the hierarchy) gets {@code value}. */
    RecordingStateManager loading(String name, Object value) {
        ghostState.put(name, value);
        return this;
    }

    /** Makes {@code object} managed by this manager with the given state code. */
    <T> T manage(T object, byte code) {
        PersistentObject persistent = (PersistentObject) object;
        persistent.$jodbManager(this);
        persistent.$jodbState(code);
        return object;
    }

    @Override
    public void beforeRead(PersistentObject object) {
        reads++;
        loadIfGhost(object);
        object.$jodbState(StateCodes.ACCESSED);
    }

    @Override
    public void beforeWrite(PersistentObject object) {
        writes++;
        loadIfGhost(object);
        object.$jodbState(StateCodes.CHANGED);
    }

    @Override
    public void deactivate(PersistentObject object) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void invalidate(PersistentObject object) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setSticky(PersistentObject object, boolean sticky) {
        throw new UnsupportedOperationException();
    }

    private void loadIfGhost(PersistentObject object) {
        if (object.$jodbState() != StateCodes.GHOST) {
            return;
        }
        loads++;
        for (Map.Entry<String, Object> entry : ghostState.entrySet()) {
            set(object, entry.getKey(), entry.getValue());
        }
    }

    private static void set(Object object, String name, Object value) {
        for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(object, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no field " + name + " in " + object.getClass());
    }
}
