package org.jodb.enhance;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Generates {@code @Persistent public class early.Early { public int value; }} whose constructor
 * {@code Early(int)} stores {@code value} before calling {@code super()}, which javac 17 cannot
 * express, plus {@code set(int)}, an ordinary write.
 */
final class EarlyWriteClass {

    private EarlyWriteClass() {}

    static byte[] bytes() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "early/Early", null,
                "java/lang/Object", null);
        writer.visitAnnotation("Lorg/jodb/Persistent;", true).visitEnd();
        writer.visitField(Opcodes.ACC_PUBLIC, "value", "I", null, null).visitEnd();

        MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(I)V", null, null);
        constructor.visitCode();
        constructor.visitVarInsn(Opcodes.ALOAD, 0);
        constructor.visitVarInsn(Opcodes.ILOAD, 1);
        constructor.visitFieldInsn(Opcodes.PUTFIELD, "early/Early", "value", "I");
        constructor.visitVarInsn(Opcodes.ALOAD, 0);
        constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        constructor.visitInsn(Opcodes.RETURN);
        constructor.visitMaxs(0, 0);
        constructor.visitEnd();

        MethodVisitor setter = writer.visitMethod(Opcodes.ACC_PUBLIC, "set", "(I)V", null, null);
        setter.visitCode();
        setter.visitVarInsn(Opcodes.ALOAD, 0);
        setter.visitVarInsn(Opcodes.ILOAD, 1);
        setter.visitFieldInsn(Opcodes.PUTFIELD, "early/Early", "value", "I");
        setter.visitInsn(Opcodes.RETURN);
        setter.visitMaxs(0, 0);
        setter.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }
}
