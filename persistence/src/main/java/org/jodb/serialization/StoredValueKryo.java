package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.EnumNameSerializer;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kryo instance of a {@link StoredLayoutReader}: configured like the codec's
 * ({@code CodecKryo}: references on, no registration, no automatic reset, the same serializers for
 * the Java platform's classes), but with class tags resolved by {@link StoredClassResolver}, which
 * loads only the platform's classes and reads every other value by what the catalog stored. Read
 * only; not thread-safe.
 */
final class StoredValueKryo extends Kryo {
    static {
        KryoSettings.keepUnsafeQuiet();
    }

    private final StoredLayoutReader reader;

    StoredValueKryo(StoredLayoutReader reader) {
        super(new StoredClassResolver(reader), new MapReferenceResolver());
        this.reader = reader;
        KryoSettings.apply(this);
    }

    /** Sets which classes are persistent (their values are references) for the next record. */
    StoredClassResolver resolver() {
        return (StoredClassResolver) getClassResolver();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Serializer getDefaultSerializer(Class type) {
        if (type.isEnum()) {
            return new EnumNameSerializer(type);
        }
        if (type == EnumMap.class) {
            return new EnumMapAsMap();
        }
        if (type.isRecord()) {
            return new StoredClassResolver.ByLayout(reader, type.getName());
        }
        Serializer<?> view = WrapperCollectionSerializer.forClass(type);
        return view != null ? view : super.getDefaultSerializer(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Serializer newDefaultSerializer(Class type) {
        // what the codec writes with its layout-based PlainObjectSerializer
        return new StoredClassResolver.ByLayout(reader, type.getName());
    }

    /**
     * Reads what {@code EnumMapByNameSerializer} wrote into a map whose keys are the constants, or
     * {@link StoredEnumConstant}s when the enum is not a platform class.
     */
    private static final class EnumMapAsMap extends Serializer<Object> {
        @Override
        public void write(Kryo kryo, Output output, Object object) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object read(Kryo kryo, Input input, Class<?> type) {
            Registration keys = kryo.readClass(input);
            boolean platform = keys.getType().isEnum() && !(keys.getSerializer() instanceof StoredClassResolver.ByName);
            Map map = platform ? new EnumMap(keys.getType()) : new LinkedHashMap<>();
            kryo.reference(map);
            for (int n = input.readVarInt(true); n > 0; n--) {
                String name = input.readString();
                Object value = kryo.readClassAndObject(input);
                try {
                    map.put(platform ? Enum.valueOf(keys.getType(), name)
                            : new StoredEnumConstant(((StoredClassResolver.ByName) keys.getSerializer()).className, name),
                            value);
                } catch (IllegalArgumentException e) {
                    throw new KryoException("enum " + keys.getType().getName() + " has no constant " + name, e);
                }
            }
            return map;
        }
    }
}
