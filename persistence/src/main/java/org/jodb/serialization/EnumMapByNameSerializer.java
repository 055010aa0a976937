package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * Stores an {@link EnumMap} with its keys by name (so constants may be reordered): the key enum's
 * class tag, the size, then (name, value) pairs. Kryo's own EnumMapSerializer needs the key type
 * up front, and an EnumMap's key type is a private field of {@code java.util}.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class EnumMapByNameSerializer extends Serializer<EnumMap> {

    @Override
    public void write(Kryo kryo, Output output, EnumMap map) {
        Class<?> keyType = map.isEmpty() ? keyTypeOfEmpty(map)
                : ((Enum<?>) map.keySet().iterator().next()).getDeclaringClass();
        kryo.writeClass(output, keyType);
        output.writeVarInt(map.size(), true);
        for (Object o : map.entrySet()) {
            Map.Entry<Enum<?>, Object> entry = (Map.Entry<Enum<?>, Object>) o;
            output.writeString(entry.getKey().name());
            kryo.writeClassAndObject(output, entry.getValue());
        }
    }

    @Override
    public EnumMap read(Kryo kryo, Input input, Class<? extends EnumMap> type) {
        Class keyType = kryo.readClass(input).getType();
        EnumMap map = new EnumMap(keyType);
        kryo.reference(map);
        for (int n = input.readVarInt(true); n > 0; n--) {
            String name = input.readString();
            Object value = kryo.readClassAndObject(input);
            try {
                map.put(Enum.valueOf(keyType, name), value);
            } catch (IllegalArgumentException e) {
                throw new KryoException("enum " + keyType.getName() + " has no constant " + name, e);
            }
        }
        return map;
    }

    /**
     * An empty EnumMap does not reveal its key type through its API, but its Java serialization
     * writes it: catch the first enum class whose descriptor goes out.
     */
    private static Class<?> keyTypeOfEmpty(EnumMap<?, ?> map) {
        try (KeyTypeProbe probe = new KeyTypeProbe()) {
            probe.writeObject(map);
            if (probe.keyType == null) {
                throw new KryoException("cannot find the key type of an empty EnumMap");
            }
            return probe.keyType;
        } catch (IOException e) {
            throw new KryoException("cannot find the key type of an empty EnumMap", e);
        }
    }

    private static final class KeyTypeProbe extends ObjectOutputStream {
        Class<?> keyType;

        KeyTypeProbe() throws IOException {
            super(OutputStream.nullOutputStream());
        }

        @Override
        protected void writeClassDescriptor(ObjectStreamClass descriptor) throws IOException {
            Class<?> described = descriptor.forClass();
            if (keyType == null && described != null && described.isEnum()) {
                keyType = described;
            }
            super.writeClassDescriptor(descriptor);
        }
    }
}
