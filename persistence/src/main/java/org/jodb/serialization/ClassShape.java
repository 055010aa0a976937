package org.jodb.serialization;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jodb.Persistent;
import org.jodb.cache.PersistentObject;

/**
 * The stored fields of one class as the running code declares them, computed once per class (a
 * {@link ClassValue}, so it goes away with the class) and shared by all databases.
 *
 * <p>Persistent classes store the fields declared in the {@code @Persistent} classes of their
 * hierarchy; plain classes store the fields of their whole hierarchy; records store their
 * components. Static, transient and synthetic fields and the enhancer's {@code $jodb} fields are
 * never stored. When fields cannot be made accessible (JDK internals in modules that are not
 * open) the shape records why instead of failing, and writing such a value is refused.
 */
final class ClassShape {
    private static final ClassValue<ClassShape> SHAPES = new ClassValue<>() {
        @Override
        protected ClassShape computeValue(Class<?> type) {
            return new ClassShape(type);
        }
    };

    final Class<?> type;
    final FieldSlot[] slots;
    /** The layout descriptor of this class: {@code layout:Name{field:K,...}}. */
    final String descriptor;
    /** Why values of this class cannot be stored, or null. */
    final String failure;
    /** The canonical constructor of a record, else null. */
    final Constructor<?> canonical;

    static ClassShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    private ClassShape(Class<?> type) {
        this.type = type;
        List<FieldSlot> found = new ArrayList<>();
        String problem = null;
        Constructor<?> constructor = null;
        try {
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] parameterTypes = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    parameterTypes[i] = components[i].getType();
                    Field field = type.getDeclaredField(components[i].getName());
                    field.setAccessible(true);
                    found.add(new FieldSlot(field.getName(), FieldKind.of(field.getType()), field));
                }
                constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
            } else {
                collectFields(type, found);
            }
        } catch (RuntimeException | NoSuchFieldException | NoSuchMethodException e) {
            // InaccessibleObjectException (a RuntimeException) is the usual cause: a JDK class
            problem = "cannot access the fields of " + type.getName() + " (" + e + ")";
            found.clear();
        }
        this.slots = found.toArray(new FieldSlot[0]);
        this.failure = problem;
        this.canonical = constructor;
        StringBuilder descriptor = new StringBuilder("layout:").append(type.getName()).append('{');
        for (int i = 0; i < slots.length; i++) {
            descriptor.append(i == 0 ? "" : ",").append(slots[i].name).append(':').append(slots[i].kind.code);
        }
        this.descriptor = descriptor.append('}').toString();
    }

    private static void collectFields(Class<?> type, List<FieldSlot> found) {
        boolean persistent = PersistentObject.class.isAssignableFrom(type) || type.isAnnotationPresent(Persistent.class);
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (persistent && !c.isAnnotationPresent(Persistent.class)) {
                break; // a persistent class's plain superclasses hold no stored state
            }
            hierarchy.addFirst(c);
        }
        // Top-down, so a superclass field keeps its plain name when a subclass later shadows it:
        // adding or removing a shadowing field never moves stored data between the two.
        Set<String> names = new HashSet<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.getName().startsWith("$jodb")) {
                    continue;
                }
                field.setAccessible(true);
                String name = names.add(field.getName()) ? field.getName() : c.getName() + "." + field.getName();
                found.add(new FieldSlot(name, FieldKind.of(field.getType()), field));
            }
        }
    }
}
