package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.MapSerializer;
import java.util.Map;
import org.jodb.tracking.TrackedHashMap;

/** As {@link TrackingCollectionSerializer}, for {@code HashMap}. */
@SuppressWarnings({"rawtypes", "unchecked"})
final class TrackingMapSerializer extends MapSerializer<Map> {
    @Override
    protected Map create(Kryo kryo, Input input, Class<? extends Map> type, int size) {
        if (((CodecKryo) kryo).trackingOwner() == null) {
            return super.create(kryo, input, type, size);
        }
        return new TrackedHashMap<>(capacity(size));
    }

    @Override
    public Map read(Kryo kryo, Input input, Class<? extends Map> type) {
        return ((CodecKryo) kryo).filled(super.read(kryo, input, type));
    }

    /** The initial capacity of a hash table that holds {@code size} entries without resizing. */
    static int capacity(int size) {
        return Math.max((int) (size / .75f) + 1, 16);
    }
}
