package org.jodb.serialization;

import com.esotericsoftware.kryo.io.Input;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jodb.storage.Record;
import org.jodb.storage.Storage;

/**
 * Decodes records by the layouts stored in the type catalog, without the classes that wrote them:
 * a record becomes a {@link StoredObjectView}, its class name and its fields by name, as the
 * layout it was written with names them. Tools that must read a database without the application
 * (the {@code jodb} command's dump) and the reading of records whose class is gone use it.
 *
 * <p>Only classes of the Java platform are loaded (strings, boxed values, collections, maps,
 * {@code java.time} values are decoded as themselves); every other class is read as the codec
 * wrote it (see {@link StoredClassResolver}). Cycles among plain objects inside one record are
 * shown as {@code null} where they close. What cannot be read without its class (an array of
 * application objects, a subclass of a platform collection) stops the record's decoding at that
 * field: the view keeps the fields before it and says why ({@link StoredObjectView#failure}).
 *
 * <p>Not thread-safe: one reader per thread. The catalog is read when the reader is made; types
 * registered later are unknown to it.
 */
public final class StoredLayoutReader {
    private final List<String> descriptors = new ArrayList<>();
    private final Set<String> classesWithLayouts = new HashSet<>();
    private final Map<Integer, StoredLayout> layouts = new LinkedHashMap<>();
    private final StoredValueKryo kryo;
    private final Input input = new Input(new byte[0]);

    /** A reader of the records of {@code storage}, with its type catalog as it is now. */
    public StoredLayoutReader(Storage storage) {
        for (int id = 1; ; id++) {
            String descriptor;
            try {
                descriptor = storage.typeDescriptor(id);
            } catch (IllegalArgumentException end) {
                break; // ids are dense from 1
            }
            descriptors.add(descriptor);
            if (StoredLayout.isLayout(descriptor)) {
                classesWithLayouts.add(StoredLayout.className(descriptor));
            }
        }
        this.kryo = new StoredValueKryo(this);
    }

    /** The number of descriptors in the catalog (class and layout ids are 1 to this). */
    public int typeCount() {
        return descriptors.size();
    }

    /**
     * The binary class name a class id or layout id names.
     *
     * @throws IllegalArgumentException if the catalog has no such id
     */
    public String className(int typeId) {
        String descriptor = descriptor(typeId);
        return StoredLayout.isLayout(descriptor) ? StoredLayout.className(descriptor)
                : descriptor.substring(descriptor.indexOf(':') + 1);
    }

    /**
     * Decodes {@code record}'s fields by the layout it names; never throws for a payload it cannot
     * read, it returns what it read and why it stopped.
     *
     * @param persistentClasses which class names are persistent classes: their values in the
     *                          payload are references (oids), not states. The classes of the
     *                          records that {@code record.references()} names are enough.
     * @throws IllegalArgumentException if the record's class id is not a layout of the catalog
     */
    public StoredObjectView read(Record record, Predicate<String> persistentClasses) {
        layout(record.classId());
        kryo.resolver().persistentClasses(persistentClasses);
        input.setBuffer(record.payload());
        kryo.reset();
        try {
            return readObject(record.classId(), input, true);
        } finally {
            kryo.reset();
            input.setBuffer(new byte[0]);
        }
    }

    /** Whether the catalog holds a layout of {@code className} (plain, record or persistent class). */
    boolean hasLayout(String className) {
        return classesWithLayouts.contains(className);
    }

    /**
     * Reads the fields of layout {@code layoutId} from {@code in}. At the top of a record a
     * failure ends the view ({@code tolerant}); inside a value it propagates to the field holding it.
     */
    StoredObjectView readObject(int layoutId, Input in, boolean tolerant) {
        StoredLayout layout = layout(layoutId);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < layout.names.length; i++) {
            FieldKind kind = layout.kinds[i];
            try {
                fields.put(layout.names[i], kind.isPrimitive() ? kind.readBoxed(in) : kryo.readClassAndObject(in));
            } catch (RuntimeException e) {
                if (!tolerant) {
                    throw e;
                }
                return new StoredObjectView(layout.className, layoutId, Collections.unmodifiableMap(fields),
                        "cannot decode field " + layout.names[i] + ": " + rootMessage(e));
            }
        }
        return new StoredObjectView(layout.className, layoutId, Collections.unmodifiableMap(fields), null);
    }

    private StoredLayout layout(int layoutId) {
        StoredLayout layout = layouts.get(layoutId);
        if (layout == null) {
            String descriptor = descriptor(layoutId);
            if (!StoredLayout.isLayout(descriptor)) {
                throw new IllegalArgumentException("type id " + layoutId + " is not a layout: " + descriptor);
            }
            layout = StoredLayout.parse(descriptor);
            layouts.put(layoutId, layout);
        }
        return layout;
    }

    private String descriptor(int typeId) {
        if (typeId < 1 || typeId > descriptors.size()) {
            throw new IllegalArgumentException("no type id " + typeId + " in the catalog (it has "
                    + descriptors.size() + ")");
        }
        return descriptors.get(typeId - 1);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /**
     * A decoded value as the views print it: strings and characters quoted and escaped, arrays,
     * collections and maps element by element, everything else by {@code toString}.
     */
    public static String describe(Object value) {
        if (value instanceof CharSequence text) {
            return quote(text.toString(), '"');
        }
        if (value instanceof Character c) {
            return quote(c.toString(), '\'');
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(Array.get(value, i));
            }
            return elements.stream().map(StoredLayoutReader::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(StoredLayoutReader::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> describe(e.getKey()) + "=" + describe(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    private static String quote(String text, char quote) {
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}
