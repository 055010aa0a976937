package org.jodb.enhance;

import net.bytebuddy.description.modifier.FieldPersistence;
import net.bytebuddy.description.modifier.MethodManifestation;
import net.bytebuddy.description.modifier.SyntheticState;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.FieldAccessor;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateManager;

/**
 * Adds the {@link PersistentObject} implementation to the top persistent class of a hierarchy:
 * the state fields, their accessors, and the two access hooks.
 *
 * <p>The fields are private, transient and synthetic so that serializers and the enhancer's own
 * field rewriting skip them, and the methods are final so that subclasses cannot break the
 * contract and the JIT can bind them statically.
 */
final class StateMembers {

    static final String STATE = "$jodb_state";
    static final String OID = "$jodb_oid";
    static final String SERIAL = "$jodb_serial";
    static final String MANAGER = "$jodb_manager";
    static final String PREVIOUS = "$jodb_prev";
    static final String NEXT = "$jodb_next";
    static final String SIZE = "$jodb_size";
    static final String DIGEST = "$jodb_digest";

    private StateMembers() {}

    /** {@code builder} with the members added; it must build the top persistent class. */
    static DynamicType.Builder<?> addTo(DynamicType.Builder<?> builder) {
        builder = builder.implement(PersistentObject.class);
        builder = withProperty(builder, STATE, "$jodbState", byte.class);
        builder = withProperty(builder, OID, "$jodbOid", long.class);
        builder = withProperty(builder, SERIAL, "$jodbSerial", long.class);
        builder = withProperty(builder, MANAGER, "$jodbManager", StateManager.class);
        builder = withProperty(builder, PREVIOUS, "$jodbPrev", PersistentObject.class);
        builder = withProperty(builder, NEXT, "$jodbNext", PersistentObject.class);
        builder = withProperty(builder, SIZE, "$jodbSize", int.class);
        builder = withProperty(builder, DIGEST, "$jodbDigest", long.class);
        return builder
                .defineMethod("$jodbBeforeRead", void.class, Visibility.PUBLIC, MethodManifestation.FINAL)
                .intercept(StateCheck.BEFORE_READ)
                .defineMethod("$jodbBeforeWrite", void.class, Visibility.PUBLIC, MethodManifestation.FINAL)
                .intercept(StateCheck.BEFORE_WRITE);
    }

    private static DynamicType.Builder<?> withProperty(DynamicType.Builder<?> builder, String field,
                                                       String accessor, Class<?> type) {
        return builder
                .defineField(field, type, Visibility.PRIVATE, FieldPersistence.TRANSIENT,
                        SyntheticState.SYNTHETIC)
                .defineMethod(accessor, type, Visibility.PUBLIC, MethodManifestation.FINAL)
                .intercept(FieldAccessor.ofField(field))
                .defineMethod(accessor, void.class, Visibility.PUBLIC, MethodManifestation.FINAL)
                .withParameters(type)
                .intercept(FieldAccessor.ofField(field));
    }
}
