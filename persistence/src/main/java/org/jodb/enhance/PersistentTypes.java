package org.jodb.enhance;

import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import org.jodb.Persistent;

/**
 * Answers the two questions the enhancer asks about build-time type descriptions: is a class
 * persistent, and is a field one whose accesses must be intercepted.
 *
 * <p>Works on {@link TypeDefinition}s (usually read from class files by a type pool) instead of
 * loaded classes, because the build must never load the classes it enhances.
 */
final class PersistentTypes {

    private PersistentTypes() {}

    /**
     * True when {@code type} or one of its superclasses is declared {@code @Persistent}; this is
     * what {@link java.lang.annotation.Inherited} means at run time. Null (the superclass of
     * {@code Object}) is not persistent.
     */
    static boolean isPersistent(TypeDefinition type) {
        for (TypeDefinition current = type; current != null; current = current.getSuperClass()) {
            if (current.asErasure().getDeclaredAnnotations().isAnnotationPresent(Persistent.class)) {
                return true;
            }
        }
        return false;
    }

    /** True for the persistent class that receives the state fields: its superclass is plain. */
    static boolean isTopPersistent(TypeDefinition type) {
        return isPersistent(type) && !isPersistent(type.getSuperClass());
    }

    /**
     * True for a stored field: an instance field, neither transient nor synthetic (which excludes
     * {@code this$0} and the enhancer's own {@code $jodb_} fields), declared in a persistent class.
     */
    static boolean isPersistentField(FieldDescription field) {
        return !field.isStatic()
                && !field.isTransient()
                && !field.isSynthetic()
                && isPersistent(field.getDeclaringType());
    }
}
