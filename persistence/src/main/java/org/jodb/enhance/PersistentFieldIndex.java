package org.jodb.enhance;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.pool.TypePool;

/**
 * Decides, for the operands of a {@code GETFIELD}/{@code PUTFIELD} instruction, whether the field
 * is persistent, memoizing the answers for the one class being transformed.
 *
 * <p>The owner named by the instruction is the static type of the receiver, which may inherit the
 * field, so the field is looked up the way the JVM resolves it: in the owner, then in each
 * superclass. An owner the pool cannot find (for example a class generated at run time without a
 * class file) is treated as plain: no stored class can be of that kind, since the enhancer could
 * not have seen it either.
 *
 * <p>Not thread-safe; one instance serves one class transformation.
 */
final class PersistentFieldIndex {

    private final Map<String, Boolean> answers = new HashMap<>();

    /** True when {@code owner.name} with {@code descriptor} (internal names) is persistent. */
    boolean isPersistentField(TypePool pool, String owner, String name, String descriptor) {
        String key = owner + '.' + name + ':' + descriptor;
        Boolean answer = answers.get(key);
        if (answer == null) {
            answer = lookUp(pool, owner, name, descriptor);
            answers.put(key, answer);
        }
        return answer;
    }

    private static boolean lookUp(TypePool pool, String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            return false;
        }
        TypePool.Resolution resolution = pool.describe(owner.replace('/', '.'));
        if (!resolution.isResolved()) {
            return false;
        }
        for (TypeDefinition type = resolution.resolve(); type != null; type = type.getSuperClass()) {
            for (FieldDescription field : type.getDeclaredFields()) {
                if (field.getName().equals(name) && field.getDescriptor().equals(descriptor)) {
                    return PersistentTypes.isPersistentField(field);
                }
            }
        }
        return false;
    }
}
