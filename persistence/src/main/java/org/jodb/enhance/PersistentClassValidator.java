package org.jodb.enhance;

import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import org.jodb.cache.PersistentObject;

/**
 * Rejects, with a build error that names the class and the offending member, persistent classes
 * that the enhancer cannot make work correctly.
 *
 * <ul>
 *   <li>interfaces, enums and records: their state cannot be loaded into an existing instance;
 *   <li>non-static inner (including local and anonymous) classes: their hidden outer-instance
 *       field is not stored, so a loaded object would lose its outer object;
 *   <li>a plain superclass with stored-looking instance fields: those fields are neither stored
 *       nor intercepted, which would silently lose data;
 *   <li>a method clashing with one of {@link PersistentObject}: it would break (or be broken by)
 *       the generated implementation.
 * </ul>
 */
final class PersistentClassValidator {

    private PersistentClassValidator() {}

    /**
     * Returns normally if the persistent class {@code type} is supported.
     *
     * @throws UnsupportedPersistentClassException naming the class and the reason otherwise
     */
    static void validate(TypeDescription type) {
        if (type.isInterface()) {
            throw invalid(type, "is an interface or annotation; only classes can be persistent");
        }
        if (type.isEnum() || isEnumConstantBody(type)) {
            throw invalid(type, "is an enum; enum constants are singletons and cannot be persistent");
        }
        if (type.isRecord()) {
            throw invalid(type, "is a record; records are immutable and cannot be loaded lazily");
        }
        if (type.isInnerClass()) {
            throw invalid(type, "is a non-static inner, local or anonymous class, whose outer instance"
                    + " cannot be stored; make it a static nested or top-level class");
        }
        if (PersistentTypes.isTopPersistent(type)) {
            rejectPlainSuperclassFields(type);
        }
        rejectClashingMethods(type);
    }

    private static boolean isEnumConstantBody(TypeDescription type) {
        TypeDescription.Generic superClass = type.getSuperClass();
        return superClass != null && superClass.asErasure().isEnum();
    }

    private static void rejectPlainSuperclassFields(TypeDescription type) {
        for (TypeDefinition plain = type.getSuperClass(); plain != null; plain = plain.getSuperClass()) {
            for (FieldDescription field : plain.getDeclaredFields()) {
                if (!field.isStatic() && !field.isTransient()) {
                    throw invalid(type, "extends the non-persistent class " + plain.getTypeName()
                            + ", which declares the instance field '" + field.getName()
                            + "'; that field would be neither stored nor tracked. Make "
                            + plain.getTypeName() + " @Persistent or mark the field transient");
                }
            }
        }
    }

    private static void rejectClashingMethods(TypeDescription type) {
        TypeDescription contract = TypeDescription.ForLoadedType.of(PersistentObject.class);
        for (MethodDescription reserved : contract.getDeclaredMethods()) {
            for (MethodDescription declared : type.getDeclaredMethods()) {
                if (declared.getInternalName().equals(reserved.getInternalName())
                        && declared.getDescriptor().equals(reserved.getDescriptor())) {
                    throw invalid(type, "declares the method " + declared.getName()
                            + declared.getDescriptor() + ", which is reserved by "
                            + PersistentObject.class.getName() + "; rename it");
                }
            }
        }
    }

    private static UnsupportedPersistentClassException invalid(TypeDescription type, String problem) {
        return new UnsupportedPersistentClassException(
                "jodb: @Persistent class " + type.getName() + " " + problem);
    }
}
