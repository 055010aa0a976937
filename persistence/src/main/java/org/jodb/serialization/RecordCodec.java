package org.jodb.serialization;

import org.jodb.enhance.Enhancement;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.jodb.JodbException;
import org.jodb.NotEnhancedException;
import org.jodb.UnstorableFieldException;
import org.jodb.cache.PersistentObject;
import org.objenesis.Objenesis;
import org.objenesis.ObjenesisStd;

/**
 * Encodes a persistent object's state into a record payload and decodes it back.
 *
 * <p>A record holds the object's persistent fields in the order of its class's current layout
 * (registered in the {@link TypeCatalog}; the record's class id is that layout's id): primitives
 * raw, everything else as a Kryo value graph in which classes appear only as catalog ids, other
 * persistent objects only as oids (obtained from and resolved by the {@link ReferenceContext}),
 * and plain objects, records, enums and collections by value. Decoding maps stored fields to the
 * current fields by name, so classes may gain, lose and widen fields between writing and reading.
 *
 * <p>Not thread-safe: one codec per connection. It reuses its Kryo instance and buffers across
 * calls, because encode and decode run at every commit and load. It is reentrant: decoding one
 * record can load another (a persistent object used as a hash key is hashed, so loaded, while
 * its map is decoded), and such a nested call runs on a second codec kept for that purpose.
 */
public final class RecordCodec {
    private static final Objenesis OBJENESIS = new ObjenesisStd(true);
    private static final byte[] NO_BYTES = new byte[0];
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private final TypeCatalog catalog;
    private final ReferenceContext context;
    /** Whether decoded records of watched classes get tracked collections ({@link #RecordCodec(TypeCatalog, ReferenceContext, boolean)}). */
    private final boolean tracking;
    private final OidSet references = new OidSet();
    private final CodecKryo kryo;
    private Output output = new Output(1024, -1);
    private final Input input = new Input(NO_BYTES);
    /** True while this codec's Kryo is in use; a call arriving meanwhile goes to {@link #nested}. */
    private boolean busy;
    private RecordCodec nested;

    /** A codec whose decoded collections are all plain ones (for detached copies). */
    public RecordCodec(TypeCatalog catalog, ReferenceContext context) {
        this(catalog, context, false);
    }

    /**
     * A codec; with {@code tracking}, decoding the record of an object whose class has its changes
     * detected ({@link StateDigest#isWatched}) creates its {@code ArrayList}, {@code HashMap} and
     * {@code HashSet} values, at any nesting, as {@link org.jodb.tracking.Tracked} versions that
     * report their changes to that object.
     */
    public RecordCodec(TypeCatalog catalog, ReferenceContext context, boolean tracking) {
        this.catalog = catalog;
        this.context = context;
        this.tracking = tracking;
        this.kryo = new CodecKryo(catalog, context, references);
    }

    /**
     * Encodes the persistent fields of {@code object}, read reflectively (so the object is not
     * loaded or marked as accessed). Persistent objects it refers to get oids through the context.
     *
     * @throws NotEnhancedException     if the object's class or a referenced persistent class was not
     *                                  enhanced
     * @throws UnstorableFieldException naming the field whose value (or something reachable from it)
     *                                  cannot be stored; nothing is returned then
     */
    public EncodedState encode(PersistentObject object) {
        if (busy) {
            return nested().encode(object);
        }
        busy = true;
        try {
            return encodeHere(object);
        } finally {
            busy = false;
        }
    }

    private EncodedState encodeHere(PersistentObject object) {
        Class<?> type = object.getClass();
        Enhancement.requireEnhanced(type);
        ClassShape shape = ClassShape.of(type);
        if (shape.failure != null) {
            throw new JodbException(shape.failure);
        }
        int layoutId = catalog.layoutId(type);
        references.clear();
        output.reset();
        kryo.reset();
        FieldSlot current = null;
        try {
            for (FieldSlot slot : shape.slots) {
                current = slot;
                slot.write(kryo, output, object);
            }
            return new EncodedState(layoutId, references.toArray(), output.toBytes());
        } catch (RuntimeException e) {
            throw unstorable(current, e);
        } finally {
            kryo.reset();
            references.clear();
            if (output.getBuffer().length > MAX_KEPT_BUFFER) {
                output = new Output(1024, -1); // one huge record must not pin its buffer forever
            }
        }
    }

    /**
     * Sets every persistent field of {@code target} from a record: stored fields by name, fields the
     * record lacks to their Java defaults. On failure the target is left cleared, never half-set.
     *
     * @throws org.jodb.UnknownClassException if the record names a class that cannot be loaded
     * @throws JodbException                  if a field's type changed incompatibly
     */
    public void decode(PersistentObject target, int classId, byte[] payload) {
        if (busy) {
            nested().decode(target, classId, payload);
            return;
        }
        busy = true;
        try {
            decodeHere(target, classId, payload);
        } finally {
            busy = false;
        }
    }

    private void decodeHere(PersistentObject target, int classId, byte[] payload) {
        DecodePlan plan = catalog.plan(classId);
        if (plan.shape.type != target.getClass()) {
            throw new IllegalArgumentException("record of " + plan.shape.type.getName()
                    + " cannot be decoded into a " + target.getClass().getName());
        }
        input.setBuffer(payload);
        kryo.reset();
        kryo.trackingOwner(tracking && StateDigest.isWatched(target.getClass()) ? target : null);
        try {
            plan.readInto(kryo, input, target);
        } catch (RuntimeException e) {
            clear(target);
            throw decodeFailure(plan, e);
        } finally {
            kryo.reset();
            kryo.trackingOwner(null);
            input.setBuffer(NO_BYTES); // do not keep the payload reachable
        }
    }

    /**
     * The persistent class a record's class id describes, to create the instance to decode into.
     *
     * @throws org.jodb.UnknownClassException if it cannot be loaded
     */
    public Class<?> classOf(int classId) {
        return catalog.classFor(classId);
    }

    /**
     * A new instance of {@code persistentClass} created without running any constructor (its state
     * comes from a record), through Objenesis.
     *
     * @throws NotEnhancedException if the class was not enhanced
     */
    public PersistentObject newInstance(Class<?> persistentClass) {
        Enhancement.requireEnhanced(persistentClass);
        if (!PersistentObject.class.isAssignableFrom(persistentClass)) {
            throw new IllegalArgumentException(persistentClass.getName() + " is not a persistent class");
        }
        return (PersistentObject) OBJENESIS.newInstance(persistentClass);
    }

    /**
     * Sets every persistent field of {@code target} to its Java default, so that a ghost does not keep
     * the objects it referred to reachable.
     */
    public void clear(PersistentObject target) {
        try {
            for (FieldSlot slot : ClassShape.of(target.getClass()).slots) {
                slot.kind.clear(slot.field, target);
            }
        } catch (IllegalAccessException e) {
            throw new JodbException("cannot clear " + target.getClass().getName(), e);
        }
    }

    private RecordCodec nested() {
        if (nested == null) {
            nested = new RecordCodec(catalog, context, tracking);
        }
        return nested;
    }

    private static RuntimeException unstorable(FieldSlot slot, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotEnhancedException || t instanceof UnstorableFieldException) {
                return (RuntimeException) t;
            }
        }
        String reason = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnstorableValueException) {
                reason = t.getMessage();
                break;
            }
        }
        if (slot == null) {
            return e;
        }
        return new UnstorableFieldException(slot.field.getDeclaringClass().getName(), slot.field.getName(), reason, e);
    }

    private static RuntimeException decodeFailure(DecodePlan plan, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JodbException) {
                return (RuntimeException) t; // UnknownClassException, field type mismatches
            }
        }
        return new JodbException("cannot decode a record of " + plan.shape.type.getName(), e);
    }
}
