package org.jodb.enhance;

import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;

/**
 * The jodb enhancer: a Byte Buddy build plugin (used by the byte-buddy-maven-plugin, and by
 * {@link EnhancementAgent} at load time) that makes {@code @Persistent} classes track their state.
 *
 * <p>Every class, persistent or not, has its field accesses rewritten: each read of a persistent
 * field is preceded by {@code $jodbBeforeRead()} and each write by {@code $jodbBeforeWrite()} on
 * the accessed object. Plain classes need this too, because nested and inner classes and other
 * classes of the package may access a persistent class's fields directly.
 *
 * <p>The top persistent class of each hierarchy (persistent, with a plain superclass) also gets
 * the {@link org.jodb.cache.PersistentObject} implementation (see {@link StateMembers}); its
 * persistent subclasses inherit it. Unsupported persistent classes fail the build with an
 * {@link IllegalStateException} (see {@link PersistentClassValidator}).
 *
 * <p>Every transformed class is marked {@link Enhanced} and never matched again, so running the
 * plugin twice (incremental builds, the agent over build-time enhanced classes) is harmless.
 * Interfaces are transformed too (a default or static method may touch a package-private field of
 * a persistent class); an interface declared {@code @Persistent} is rejected. Annotation types
 * hold no code and are left alone.
 *
 * <p>Instances are stateless and thread-safe.
 */
public class PersistentPlugin implements Plugin {

    @Override
    public boolean matches(TypeDescription target) {
        if (isModuleOrPackageInfo(target)
                || target.getDeclaredAnnotations().isAnnotationPresent(Enhanced.class)) {
            return false;
        }
        return !target.isAnnotation();
    }

    private static boolean isModuleOrPackageInfo(TypeDescription target) {
        String name = target.getName();
        return name.equals("module-info") || name.equals("package-info") || name.endsWith(".package-info");
    }

    @Override
    public DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription typeDescription,
                                        ClassFileLocator classFileLocator) {
        boolean persistent = PersistentTypes.isPersistent(typeDescription);
        if (persistent) {
            PersistentClassValidator.validate(typeDescription);
            if (PersistentTypes.isTopPersistent(typeDescription)) {
                builder = StateMembers.addTo(builder);
            }
        }
        return builder
                .visit(new FieldAccessRewriter(persistent))
                .annotateType(AnnotationDescription.Builder.ofType(Enhanced.class).build());
    }

    @Override
    public void close() {
        // holds no resources
    }
}
