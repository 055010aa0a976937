package org.jodb.serialization;

import org.jodb.cache.PersistentObject;

/** A catalog, a context and a codec wired together, as one connection of one database. */
final class CodecFixture {
    final InMemoryCatalogStorage storage;
    final TypeCatalog catalog;
    final MapReferenceContext context = new MapReferenceContext();
    final RecordCodec codec;

    CodecFixture() {
        this(new InMemoryCatalogStorage());
    }

    CodecFixture(InMemoryCatalogStorage storage) {
        this.storage = storage;
        this.catalog = new TypeCatalog(storage, CodecFixture.class.getClassLoader());
        this.codec = new RecordCodec(catalog, context);
    }

    /** Encodes with this fixture and decodes into a fresh instance of the recorded class. */
    @SuppressWarnings("unchecked")
    <T extends PersistentObject> T roundTrip(T object) {
        context.register(object);
        EncodedState state = codec.encode(object);
        return (T) decode(state);
    }

    PersistentObject decode(EncodedState state) {
        PersistentObject copy = codec.newInstance(codec.classOf(state.classId()));
        codec.decode(copy, state.classId(), state.payload());
        return copy;
    }
}
