package org.jodb.enhance;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.pool.TypePool;

/**
 * Installs a {@link FieldAccessMethodVisitor} on every method, constructor and static initializer
 * of the class being transformed. One instance serves one class, so that its
 * {@link PersistentFieldIndex} memoizes field lookups across that class's methods without
 * mixing up same-named classes of different class loaders in the agent.
 */
final class FieldAccessRewriter implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {

    private final PersistentFieldIndex fields = new PersistentFieldIndex();

    @Override
    public MethodVisitor wrap(TypeDescription instrumentedType, MethodDescription method,
                              MethodVisitor delegate, Implementation.Context context, TypePool pool,
                              int writerFlags, int readerFlags) {
        return new FieldAccessMethodVisitor(delegate, pool, fields, method.isConstructor());
    }
}
