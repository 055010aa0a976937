package org.jodb.serialization;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jodb.JodbException;
import org.jodb.UnknownClassException;
import org.jodb.storage.Storage;

/**
 * The durable ids of classes and class layouts of one database, backed by
 * {@link Storage#typeId(String)} and {@link Storage#typeDescriptor(int)} and cached both ways.
 *
 * <p>Two kinds of descriptors are registered: {@code class:<binary name>} for every class that
 * appears in a payload (as the Kryo class tag, so no class name is ever written into a record), and
 * {@code layout:<binary name>{field:K,...}} for the field list a record was written with (see
 * {@link #layoutId(Class)}); a record's class id is a layout id. Class names are therefore stored
 * once per database, and a record written by an older version of a class stays readable.
 *
 * <p>Thread-safe: one instance per database is shared by all its connections' codecs.
 */
public final class TypeCatalog {
    private static final String CLASS_PREFIX = "class:";

    private final Storage storage;
    private final ClassLoader classLoader;
    private final Map<Class<?>, Integer> classIds = new ConcurrentHashMap<>();
    private final Map<Class<?>, Integer> layoutIds = new ConcurrentHashMap<>();
    private final Map<Integer, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Integer, DecodePlan> plans = new ConcurrentHashMap<>();

    /** @param classLoader loads the classes named by stored descriptors */
    public TypeCatalog(Storage storage, ClassLoader classLoader) {
        this.storage = storage;
        this.classLoader = classLoader;
    }

    /** The durable id of {@code type} (descriptor {@code class:} + binary name), registering it if new. */
    public int classId(Class<?> type) {
        Integer id = classIds.get(type);
        if (id == null) {
            id = register(CLASS_PREFIX + type.getName());
            classIds.putIfAbsent(type, id);
        }
        return id;
    }

    /**
     * The durable id of the current layout of {@code type} (its class name and its stored fields
     * with their kinds, in order), registering it if new.
     */
    public int layoutId(Class<?> type) {
        Integer id = layoutIds.get(type);
        if (id == null) {
            id = register(ClassShape.of(type).descriptor);
            layoutIds.putIfAbsent(type, id);
        }
        return id;
    }

    /**
     * The class a class id or layout id names, loaded by this catalog's class loader.
     *
     * @throws UnknownClassException if the id is unknown or the class cannot be loaded
     */
    public Class<?> classFor(int id) {
        Class<?> type = classes.get(id);
        if (type == null) {
            String descriptor = descriptor(id);
            String name;
            if (descriptor.startsWith(CLASS_PREFIX)) {
                name = descriptor.substring(CLASS_PREFIX.length());
            } else if (StoredLayout.isLayout(descriptor)) {
                name = StoredLayout.className(descriptor);
            } else {
                throw new JodbException("type id " + id + " is not a class: " + descriptor);
            }
            type = load(name, id);
            classes.putIfAbsent(id, type);
        }
        return type;
    }

    /** The plan to read records written with layout {@code layoutId} into the current class. */
    DecodePlan plan(int layoutId) {
        DecodePlan plan = plans.get(layoutId);
        if (plan == null) {
            String descriptor = descriptor(layoutId);
            if (!StoredLayout.isLayout(descriptor)) {
                throw new JodbException("type id " + layoutId + " is not a layout: " + descriptor);
            }
            plan = new DecodePlan(StoredLayout.parse(descriptor), ClassShape.of(classFor(layoutId)));
            plans.putIfAbsent(layoutId, plan);
        }
        return plan;
    }

    private int register(String descriptor) {
        int id = storage.typeId(descriptor);
        if (id < 0) {
            throw new JodbException("storage returned a negative type id " + id + " for " + descriptor);
        }
        return id;
    }

    private String descriptor(int id) {
        try {
            return storage.typeDescriptor(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownClassException("<type id " + id + ">", "no such type id in the catalog", e);
        }
    }

    private Class<?> load(String name, int id) {
        switch (name) {
            case "boolean": return boolean.class;
            case "byte": return byte.class;
            case "char": return char.class;
            case "short": return short.class;
            case "int": return int.class;
            case "long": return long.class;
            case "float": return float.class;
            case "double": return double.class;
            case "void": return void.class;
            default:
                try {
                    return Class.forName(name, false, classLoader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new UnknownClassException(name, "type id " + id, e);
                }
        }
    }
}
