package org.jodb.enhance;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Installs a {@link FieldAccessMethodVisitor} on every method body of the class being
 * transformed: methods, constructors, the static initializer and, notably, synthetic methods.
 *
 * <p>This is a plain class visitor rather than {@link AsmVisitorWrapper.ForDeclaredMethods}
 * because the latter only sees the methods Byte Buddy instruments, and Byte Buddy ignores
 * synthetic methods by default; lambda bodies ({@code lambda$...}) are synthetic and access
 * fields as much as any other code. The rewriting needs neither frame nor max computation
 * (see {@link FieldAccessMethodVisitor}), so no writer or reader flags are requested.
 *
 * <p>Each {@link #wrap} call, that is each transformed class, gets its own
 * {@link PersistentFieldIndex}, so that lookups are memoized across the class's methods without
 * mixing up same-named classes of different class loaders in the agent.
 */
final class FieldAccessRewriter extends AsmVisitorWrapper.AbstractBase {
    private final boolean persistentClass;

    /** A rewriter for a class that is persistent ({@code true}) or plain. */
    FieldAccessRewriter(boolean persistentClass) {
        this.persistentClass = persistentClass;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
                             Implementation.Context implementationContext, TypePool typePool,
                             FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                             int writerFlags, int readerFlags) {
        return new RewritingClassVisitor(classVisitor, typePool, persistentClass);
    }

    private static final class RewritingClassVisitor extends ClassVisitor {
        private final TypePool pool;
        private final boolean persistentClass;
        private final PersistentFieldIndex index = new PersistentFieldIndex();
        private String className;

        RewritingClassVisitor(ClassVisitor delegate, TypePool pool, boolean persistentClass) {
            super(Opcodes.ASM9, delegate);
            this.pool = pool;
            this.persistentClass = persistentClass;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor delegate = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (delegate == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                return delegate;
            }
            return new FieldAccessMethodVisitor(delegate, pool, index, className, persistentClass,
                    name.equals("<init>"));
        }
    }
}
