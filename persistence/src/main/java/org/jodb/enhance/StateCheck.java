package org.jodb.enhance;

import java.util.Collections;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.jodb.cache.PersistentObject;
import org.jodb.cache.AccessSlowPath;

/**
 * The bodies of {@code $jodbBeforeRead()} and {@code $jodbBeforeWrite()}, written as raw bytecode
 * because they run before every persistent field access:
 * {@code if (this.$jodb_state <cmp> 0) AccessSlowPath.beforeXxx(this);}, which calls the
 * manager's {@code beforeXxx} out of line (see {@link AccessSlowPath} for why).
 *
 * <p>The state codes of {@link org.jodb.cache.StateCodes} make the loaded case one field read and
 * one branch: a read needs the manager only for a positive code (GHOST, UPTODATE, STICKY_UNUSED),
 * a write for any code but CHANGED (0). A new object has code 0 (TRANSIENT) and no manager, so it
 * never reaches the call.
 */
enum StateCheck implements Implementation, ByteCodeAppender {

    /** Skips the call while the code is {@code <= 0}. */
    BEFORE_READ(Opcodes.IFLE, "beforeRead"),
    /** Skips the call while the code is {@code == 0}. */
    BEFORE_WRITE(Opcodes.IFEQ, "beforeWrite");

    private static final String SLOW_PATH_TYPE = Type.getInternalName(AccessSlowPath.class);
    private static final String HOOK_DESCRIPTOR =
            Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType(PersistentObject.class));

    private final int skipOpcode;
    private final String managerMethod;

    StateCheck(int skipOpcode, String managerMethod) {
        this.skipOpcode = skipOpcode;
        this.managerMethod = managerMethod;
    }

    @Override
    public InstrumentedType prepare(InstrumentedType instrumentedType) {
        return instrumentedType;
    }

    @Override
    public ByteCodeAppender appender(Target target) {
        return this;
    }

    @Override
    public Size apply(MethodVisitor method, Context context, MethodDescription instrumentedMethod) {
        String owner = context.getInstrumentedType().getInternalName();
        Label done = new Label();
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitFieldInsn(Opcodes.GETFIELD, owner, StateMembers.STATE, "B");
        method.visitJumpInsn(skipOpcode, done);
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, SLOW_PATH_TYPE, managerMethod, HOOK_DESCRIPTOR, false);
        method.visitLabel(done);
        // F_SAME (or its expanded form, or nothing for pre-Java-6 class files, as the context requires)
        context.getFrameGeneration().same(method, Collections.singletonList(context.getInstrumentedType()));
        method.visitInsn(Opcodes.RETURN);
        return new Size(1, instrumentedMethod.getStackSize());
    }
}
