package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.IntMap;
import java.util.function.Predicate;

/**
 * Resolves the catalog's class tags of a payload ({@code CatalogClassResolver} wrote them) without
 * loading any class beyond the Java platform's. A class of the platform is loaded and read by
 * Kryo's serializers; any other class is read by what the codec wrote for it: a persistent class
 * as a {@link StoredReference} (an oid), a class with a stored layout (plain objects, records) as a
 * {@link StoredObjectView}, and any other (an enum: enums have no layout) as a
 * {@link StoredEnumConstant}. Which classes are persistent cannot be told from the catalog, so the
 * reader's caller says ({@link #persistentClasses}). Not thread-safe.
 */
final class StoredClassResolver extends DefaultClassResolver {
    private final StoredLayoutReader reader;
    /** Registrations of platform classes by tag, kept across records. */
    private final IntMap<Registration> platform = new IntMap<>();
    /** Registrations of other classes by tag, for the current record only. */
    private final IntMap<Registration> others = new IntMap<>();
    private Predicate<String> persistent = name -> false;

    StoredClassResolver(StoredLayoutReader reader) {
        this.reader = reader;
    }

    /** The classes whose values are persistent references, for the records read next. */
    void persistentClasses(Predicate<String> persistentClasses) {
        this.persistent = persistentClasses;
        others.clear();
    }

    @Override
    @SuppressWarnings("rawtypes") // Kryo's signature
    public Registration writeClass(Output output, Class type) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public Registration readClass(Input input) {
        int tag = input.readVarInt(true);
        if (tag == 0) {
            return null;
        }
        Registration registration = platform.get(tag);
        if (registration == null) {
            registration = others.get(tag);
        }
        if (registration == null) {
            String name = reader.className(tag - 1);
            Class<?> type = platformClass(name);
            if (type != null) {
                registration = kryo.getRegistration(type);
                platform.put(tag, registration);
            } else {
                registration = persistent.test(name) ? new Registration(StoredReference.class, new ByOid(name), tag)
                        : reader.hasLayout(name) ? new Registration(StoredObjectView.class, new ByLayout(reader, name), tag)
                        : new Registration(UnknownEnum.class, new ByName(name), tag);
                others.put(tag, registration);
            }
        }
        return registration;
    }

    /** The class of the Java platform named {@code name}, or null if it is not one. */
    private static Class<?> platformClass(String name) {
        for (FieldKind kind : FieldKind.values()) {
            if (kind.isPrimitive() && kind.type.getName().equals(name)) {
                return kind.type;
            }
        }
        try {
            return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            if (name.startsWith("[")) {
                throw new KryoException("an array of a class that is not part of the Java platform ("
                        + name + ") cannot be read without its class");
            }
            return null;
        }
    }

    /** Stands for an enum that is not on the class path: Kryo reads enums without references. */
    private enum UnknownEnum {
    }

    /** Reads in the codec's place: nothing is ever written through this resolver. */
    private abstract static class ReadOnly extends Serializer<Object> {
        @Override
        public void write(Kryo kryo, Output output, Object object) {
            throw new UnsupportedOperationException("read only");
        }
    }

    /** A persistent object: its oid ({@code PersistentReferenceSerializer}). */
    private static final class ByOid extends ReadOnly {
        private final String className;

        ByOid(String className) {
            this.className = className;
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<?> type) {
            return new StoredReference(className, input.readVarLong(true));
        }
    }

    /** An enum constant: its name ({@code EnumNameSerializer}). */
    static final class ByName extends ReadOnly {
        final String className;

        ByName(String className) {
            this.className = className;
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<?> type) {
            return new StoredEnumConstant(className, input.readString());
        }
    }

    /** A plain object or record: layout id, then its fields ({@code PlainObjectSerializer}). */
    static final class ByLayout extends ReadOnly {
        private final StoredLayoutReader reader;
        private final String className;

        ByLayout(StoredLayoutReader reader, String className) {
            this.reader = reader;
            this.className = className;
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<?> type) {
            int layoutId = input.readVarInt(true);
            StoredObjectView view = reader.readObject(layoutId, input, false);
            if (!view.className().equals(className)) {
                throw new KryoException("a value of " + className + " names layout " + layoutId + " of "
                        + view.className());
            }
            return view;
        }
    }
}
