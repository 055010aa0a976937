package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedList;
import org.jodb.tracking.TrackedArrayDeque;
import org.jodb.tracking.TrackedArrayList;
import org.jodb.tracking.TrackedHashSet;
import org.jodb.tracking.TrackedLinkedList;

/**
 * Kryo's collection encoding for {@code ArrayList}, {@code HashSet}, {@code LinkedList} and
 * {@code ArrayDeque}, read back as their tracked versions when the codec decodes the record of an
 * object whose changes are tracked ({@link CodecKryo#trackingOwner}). Writing is Kryo's, and the class tag of a tracked one is its
 * plain superclass ({@link Storability#storedClass}), so records are the same either way.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class TrackingCollectionSerializer extends CollectionSerializer<Collection> {
    /** Whether values of exactly {@code type} are read by this serializer (as tracked versions when tracking). */
    static boolean decodes(Class<?> type) {
        return type == ArrayList.class || type == HashSet.class || type == LinkedList.class || type == ArrayDeque.class;
    }

    @Override
    protected Collection create(Kryo kryo, Input input, Class<? extends Collection> type, int size) {
        if (((CodecKryo) kryo).trackingOwner() == null) {
            return super.create(kryo, input, type, size);
        }
        if (type == ArrayList.class) {
            return new TrackedArrayList<>(size);
        }
        if (type == LinkedList.class) {
            return new TrackedLinkedList<>();
        }
        if (type == ArrayDeque.class) {
            return new TrackedArrayDeque<>(size);
        }
        return new TrackedHashSet<>(TrackingMapSerializer.capacity(size));
    }

    @Override
    public Collection read(Kryo kryo, Input input, Class<? extends Collection> type) {
        return ((CodecKryo) kryo).filled(super.read(kryo, input, type));
    }
}
