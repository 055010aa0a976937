package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import java.util.ArrayList;
import java.util.Collection;
import org.jodb.tracking.TrackedArrayList;
import org.jodb.tracking.TrackedHashSet;

/**
 * Kryo's collection encoding for {@code ArrayList} and {@code HashSet}, read back as their
 * tracked versions when the codec decodes the record of an object whose changes are tracked
 * ({@link CodecKryo#trackingOwner}). Writing is Kryo's, and the class tag of a tracked one is its
 * plain superclass ({@link Storability#storedClass}), so records are the same either way.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class TrackingCollectionSerializer extends CollectionSerializer<Collection> {
    @Override
    protected Collection create(Kryo kryo, Input input, Class<? extends Collection> type, int size) {
        if (((CodecKryo) kryo).trackingOwner() == null) {
            return super.create(kryo, input, type, size);
        }
        return type == ArrayList.class ? new TrackedArrayList<>(size) : new TrackedHashSet<>(TrackingMapSerializer.capacity(size));
    }

    @Override
    public Collection read(Kryo kryo, Input input, Class<? extends Collection> type) {
        return ((CodecKryo) kryo).filled(super.read(kryo, input, type));
    }
}
