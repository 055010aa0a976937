package org.jodb.enhance;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;

/**
 * Rewrites one method body so that every read of a persistent field first calls
 * {@code $jodbBeforeRead()} and every write first calls {@code $jodbBeforeWrite()} on the object
 * whose field is accessed.
 *
 * <p>The inserted code only shuffles the operand stack around the original instruction, so it
 * leaves the stack exactly as it was at every label: existing stack map frames stay valid and no
 * class has to be loaded to recompute them. It needs at most two extra stack slots (a long or
 * double value moved above the receiver), which {@link #visitMaxs} adds.
 *
 * <p>In a persistent class, {@code super.clone()} first loads {@code this} if it is a ghost and
 * then detaches the copy ({@link org.jodb.cache.CopiedObjects}): a clone is a new transient object.
 *
 * <p>In a constructor, writes that precede the {@code super(...)}/{@code this(...)} call may
 * target the still uninitialized {@code this} (javac's {@code this$0} stores, flexible constructor
 * bodies), on which no method may be called. Only fields declared by the class itself can be
 * written there, so a write whose owner is another class ({@code super(counter.n++)}) is
 * rewritten; for a write whose owner is the class itself an {@link UninitializedThisTracker} tells
 * whether the receiver is {@code this} (left alone) or another instance ({@code this(other.n++)},
 * rewritten), and where it cannot tell, the write is left alone. That call is the first
 * {@code INVOKESPECIAL <init>} not paired with an earlier {@code NEW}, since object creations
 * inside the argument list nest properly. Reads are always rewritten: reading a field of the
 * uninitialized {@code this} is illegal, and reading another object's fields there
 * ({@code this(p.x, p.y)}) must be intercepted.
 */
final class FieldAccessMethodVisitor extends MethodVisitor {

    private static final String BEFORE_READ = "$jodbBeforeRead";
    private static final String BEFORE_WRITE = "$jodbBeforeWrite";
    private static final String COPIED_OBJECTS = "org/jodb/cache/CopiedObjects";
    private static final String NO_ARGS_VOID = "()V";
    /** A category-2 value moved above the receiver needs two more slots than the original code. */
    private static final int EXTRA_STACK = 2;

    private final TypePool pool;
    private final PersistentFieldIndex fields;
    /** The internal name of the class whose method this is. */
    private final String declaringClass;
    /** Whether the declaring class is persistent: then its {@code super.clone()} calls are rewritten. */
    private final boolean persistentClass;
    private boolean beforeConstructorCall;
    /** Which stack slots hold the uninitialized {@code this}, until the constructor call; else null. */
    private final UninitializedThisTracker prologue;
    private int unpairedNews;
    private boolean rewritten;

    FieldAccessMethodVisitor(MethodVisitor delegate, TypePool pool, PersistentFieldIndex fields,
                             String declaringClass, boolean persistentClass, boolean constructor) {
        super(Opcodes.ASM9, delegate);
        this.pool = pool;
        this.fields = fields;
        this.declaringClass = declaringClass;
        this.persistentClass = persistentClass;
        this.beforeConstructorCall = constructor;
        this.prologue = constructor ? new UninitializedThisTracker() : null;
    }

    private boolean tracking() {
        return beforeConstructorCall && prologue != null;
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (tracking()) {
            prologue.frame(type, numLocal, local, numStack, stack);
        }
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitInsn(int opcode) {
        if (tracking()) {
            prologue.insn(opcode);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        if (tracking()) {
            prologue.intInsn(opcode);
        }
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        if (tracking()) {
            prologue.varInsn(opcode, var);
        }
        super.visitVarInsn(opcode, var);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        if (tracking()) {
            prologue.invokeDynamicInsn(descriptor);
        }
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (tracking()) {
            prologue.jumpInsn(opcode);
        }
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (tracking()) {
            prologue.ldcInsn(value);
        }
        super.visitLdcInsn(value);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label defaultLabel, Label... labels) {
        if (tracking()) {
            prologue.switchInsn();
        }
        super.visitTableSwitchInsn(min, max, defaultLabel, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label defaultLabel, int[] keys, Label[] labels) {
        if (tracking()) {
            prologue.switchInsn();
        }
        super.visitLookupSwitchInsn(defaultLabel, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        if (tracking()) {
            prologue.multiANewArrayInsn(dimensions);
        }
        super.visitMultiANewArrayInsn(descriptor, dimensions);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (tracking()) {
            prologue.typeInsn(opcode);
        }
        if (beforeConstructorCall && opcode == Opcodes.NEW) {
            unpairedNews++;
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                boolean isInterface) {
        if (tracking()) {
            prologue.methodInsn(opcode, descriptor);
        }
        if (persistentClass && opcode == Opcodes.INVOKESPECIAL && isCloneCall(name, descriptor)) {
            // this -> (load it if a ghost: a copy of a ghost has no state) -> copy -> (detach it)
            super.visitInsn(Opcodes.DUP);
            callHook(declaringClass, BEFORE_READ);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            super.visitInsn(Opcodes.DUP);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, COPIED_OBJECTS, "detach", "(Ljava/lang/Object;)V", false);
            return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        if (beforeConstructorCall && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
            if (unpairedNews == 0) {
                beforeConstructorCall = false;
            } else {
                unpairedNews--;
            }
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if (opcode == Opcodes.GETFIELD && fields.isPersistentField(pool, owner, name, descriptor)) {
            super.visitInsn(Opcodes.DUP);
            callHook(owner, BEFORE_READ);
        } else if (opcode == Opcodes.PUTFIELD && !mayTargetUninitializedThis(owner, descriptor)
                && fields.isPersistentField(pool, owner, name, descriptor)) {
            if (Type.getType(descriptor).getSize() == 1) {
                // receiver, value -> value, receiver -> (hook on receiver) -> receiver, value
                super.visitInsn(Opcodes.SWAP);
                super.visitInsn(Opcodes.DUP);
                callHook(owner, BEFORE_WRITE);
                super.visitInsn(Opcodes.SWAP);
            } else {
                // receiver, wide value -> wide value, receiver -> (hook) -> receiver, wide value
                super.visitInsn(Opcodes.DUP2_X1);
                super.visitInsn(Opcodes.POP2);
                super.visitInsn(Opcodes.DUP);
                callHook(owner, BEFORE_WRITE);
                super.visitInsn(Opcodes.DUP_X2);
                super.visitInsn(Opcodes.POP);
            }
        }
        if (tracking()) {
            prologue.fieldInsn(opcode, descriptor);
        }
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    /**
     * Whether a {@code PUTFIELD} may write the uninitialized {@code this}: only before the
     * constructor call, only to a field of the class itself, and unless the receiver is known to be
     * another object.
     */
    private boolean mayTargetUninitializedThis(String owner, String descriptor) {
        return beforeConstructorCall && owner.equals(declaringClass)
                && (prologue == null || prologue.receiverOf(descriptor) != UninitializedThisTracker.Slot.OTHER);
    }

    /** {@code super.clone()}, whatever the class declaring it and its (covariant) result type. */
    private static boolean isCloneCall(String name, String descriptor) {
        return name.equals("clone") && descriptor.startsWith("()L");
    }

    private void callHook(String owner, String hook) {
        super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, hook, NO_ARGS_VOID, false);
        rewritten = true;
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(rewritten ? maxStack + EXTRA_STACK : maxStack, maxLocals);
    }
}
