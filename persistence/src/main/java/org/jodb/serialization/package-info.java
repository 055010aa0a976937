/**
 * How an object's state becomes a record payload and back (Kryo underneath), which values may be
 * stored, and the digest that finds changes made in place.
 *
 * <p>A payload holds the persistent fields in the order of the class's layout; classes appear only
 * as durable catalog ids (never as names), other persistent objects only as oids, and everything
 * else (strings, arrays, collections, records, enums by name, plain objects) by value. Stored fields
 * are matched to current fields by name, so classes may gain, lose and widen fields.
 *
 * <p><b>Key types</b>, all public only for {@code org.jodb} (the package has no application API):
 * {@link org.jodb.serialization.RecordCodec} (encode and decode one object; one per connection,
 * used by {@code Session}), {@link org.jodb.serialization.EncodedState} (what it produces, kept by
 * {@code Savepoint}), {@link org.jodb.serialization.ReferenceContext} (the connection's side of
 * references: implemented by {@code Session}), {@link org.jodb.serialization.TypeCatalog} (durable
 * class and layout ids over {@code Storage.typeId}; one per database, made by {@code Database}),
 * {@link org.jodb.serialization.StateDigest} (the digest compared at commit by {@code Session}; see
 * the contract in {@link org.jodb.cache}), {@link org.jodb.serialization.StoredLayoutReader} (decodes a
 * record by the layout stored in the catalog, without loading the classes that wrote it, into a
 * {@link org.jodb.serialization.StoredObjectView} with {@link org.jodb.serialization.StoredReference}s
 * and {@link org.jodb.serialization.StoredEnumConstant}s; used by the {@code jodb} command's dump, and
 * meant for records whose class is gone). Its Kryo ({@code StoredValueKryo}, {@code StoredClassResolver})
 * reads exactly what the codec's writes. The package-private rest are Kryo serializers and the
 * layout machinery: {@code ClassShape}, {@code DecodePlan}, {@code StoredLayout},
 * {@code TrackingCollectionSerializer} and {@code TrackingMapSerializer} (which decode
 * {@code ArrayList}, {@code HashSet} and {@code HashMap} as {@link org.jodb.tracking} collections
 * for an object whose changes are detected, and store those as the plain classes),
 * {@code Storability} (refuses threads, streams, lambdas...), {@code CatalogClassResolver}.
 */
package org.jodb.serialization;
