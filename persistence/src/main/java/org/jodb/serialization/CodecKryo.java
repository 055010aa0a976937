package org.jodb.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.EnumNameSerializer;
import java.util.EnumMap;
import java.util.HashMap;
import org.jodb.cache.PersistentObject;
import org.jodb.tracking.Tracked;

/**
 * The Kryo instance of one codec, configured for jodb: durable class ids as class tags, references
 * on (shared and cyclic objects within a record), no registration, no automatic reset (a record is
 * many top-level writes that share one reference table), and jodb's serializers chosen before
 * Kryo's defaults: persistent objects by reference, enums and EnumMap keys by name, records by
 * component name, unmodifiable/synchronized views, and layout-based plain objects instead of
 * Kryo's FieldSerializer; {@code ArrayList}, {@code HashSet}, {@code LinkedList}, {@code ArrayDeque}
 * and {@code HashMap} decode as tracked versions for an owner whose changes are tracked
 * ({@link #trackingOwner(PersistentObject)}).
 */
final class CodecKryo extends Kryo {
    static {
        KryoSettings.keepUnsafeQuiet();
    }

    private final TypeCatalog catalog;
    private final PersistentReferenceSerializer persistentReferences;
    /** The object whose record is being decoded, if its collections are to be tracked; else null. */
    private PersistentObject trackingOwner;

    CodecKryo(TypeCatalog catalog, ReferenceContext context, OidSet references) {
        super(new CatalogClassResolver(catalog), new RecordReferenceResolver());
        this.catalog = catalog;
        this.persistentReferences = new PersistentReferenceSerializer(context, references);
        KryoSettings.apply(this);
    }

    /** Decodes the next record's values of the tracked classes ({@code org.jodb.tracking}) as tracked for {@code owner} (null: plain). */
    void trackingOwner(PersistentObject owner) {
        trackingOwner = owner;
    }

    PersistentObject trackingOwner() {
        return trackingOwner;
    }

    /** {@code container}, which a tracking serializer just filled: a tracked one now reports its changes. */
    <T> T filled(T container) {
        if (container instanceof Tracked) {
            ((Tracked) container).trackChangesOf(trackingOwner);
        }
        return container;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Serializer getDefaultSerializer(Class type) {
        if (PersistentObject.class.isAssignableFrom(type)) {
            return persistentReferences;
        }
        if (type.isEnum()) {
            return new EnumNameSerializer(type);
        }
        if (type == EnumMap.class) {
            return new EnumMapByNameSerializer();
        }
        if (TrackingCollectionSerializer.decodes(type)) {
            return new TrackingCollectionSerializer();
        }
        if (type == HashMap.class) {
            return new TrackingMapSerializer();
        }
        if (type.isRecord()) {
            return new RecordValueSerializer(catalog, type);
        }
        Serializer<?> view = WrapperCollectionSerializer.forClass(type);
        return view != null ? view : super.getDefaultSerializer(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Serializer newDefaultSerializer(Class type) {
        return new PlainObjectSerializer(catalog, type);
    }
}
