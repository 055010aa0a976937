package org.jodb.enhance;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Follows, through a constructor's code before its {@code super(...)}/{@code this(...)} call,
 * which operand-stack slots hold the uninitialized {@code this}, so that a field write there can
 * be told apart: to {@code this} (left alone: no method may be called on it) or to another object
 * of the same class ({@code this(other.count++)}: intercepted like any write).
 *
 * <p>Each original instruction is applied for its effect on the stack (slots, so a long or double
 * takes two); stack map frames, which the class file has at every jump target and handler, reset
 * the stack to what they declare. After an instruction that does not fall through, the stack is
 * unknown until the next frame; so is it after anything this tracker does not follow
 * ({@code jsr}/{@code ret}). While it is unknown, {@link #receiverOf} answers {@code UNKNOWN} and
 * the caller keeps the conservative choice: a write owned by the class itself is left alone.
 */
final class UninitializedThisTracker {

    /** What a stack slot holds, as far as telling the uninitialized {@code this} apart goes. */
    enum Slot { THIS, OTHER, UNKNOWN }

    private final List<Slot> stack = new ArrayList<>();
    /** Local variables holding the uninitialized {@code this}: local 0 on entry. */
    private final BitSet thisLocals = new BitSet();
    private boolean known = true;

    UninitializedThisTracker() {
        thisLocals.set(0);
    }

    /** What the receiver of a {@code PUTFIELD} of a {@code descriptor} value is, before it runs. */
    Slot receiverOf(String descriptor) {
        int index = stack.size() - 1 - Type.getType(descriptor).getSize();
        return known && index >= 0 ? stack.get(index) : Slot.UNKNOWN;
    }

    void frame(int type, int numLocal, Object[] local, int numStack, Object[] frameStack) {
        stack.clear();
        known = true;
        if (type == Opcodes.F_NEW || type == Opcodes.F_FULL) {
            thisLocals.clear();
            int index = 0;
            for (int i = 0; i < numLocal; i++) {
                if (local[i] == Opcodes.UNINITIALIZED_THIS) {
                    thisLocals.set(index);
                }
                index += isWide(local[i]) ? 2 : 1;
            }
        }
        if (type == Opcodes.F_NEW || type == Opcodes.F_FULL || type == Opcodes.F_SAME1) {
            for (int i = 0; i < numStack; i++) {
                push(frameStack[i] == Opcodes.UNINITIALIZED_THIS ? Slot.THIS : Slot.OTHER);
                if (isWide(frameStack[i])) {
                    push(Slot.OTHER);
                }
            }
        }
    }

    void insn(int opcode) {
        switch (opcode) {
            case Opcodes.NOP: return;
            case Opcodes.ACONST_NULL: case Opcodes.ICONST_M1: case Opcodes.ICONST_0: case Opcodes.ICONST_1:
            case Opcodes.ICONST_2: case Opcodes.ICONST_3: case Opcodes.ICONST_4: case Opcodes.ICONST_5:
            case Opcodes.FCONST_0: case Opcodes.FCONST_1: case Opcodes.FCONST_2:
                effect(0, 1); return;
            case Opcodes.LCONST_0: case Opcodes.LCONST_1: case Opcodes.DCONST_0: case Opcodes.DCONST_1:
                effect(0, 2); return;
            case Opcodes.IALOAD: case Opcodes.FALOAD: case Opcodes.AALOAD: case Opcodes.BALOAD:
            case Opcodes.CALOAD: case Opcodes.SALOAD:
                effect(2, 1); return;
            case Opcodes.LALOAD: case Opcodes.DALOAD: effect(2, 2); return;
            case Opcodes.IASTORE: case Opcodes.FASTORE: case Opcodes.AASTORE: case Opcodes.BASTORE:
            case Opcodes.CASTORE: case Opcodes.SASTORE:
                effect(3, 0); return;
            case Opcodes.LASTORE: case Opcodes.DASTORE: effect(4, 0); return;
            case Opcodes.POP: effect(1, 0); return;
            case Opcodes.POP2: effect(2, 0); return;
            case Opcodes.DUP: shuffle(1, 0); return;
            case Opcodes.DUP_X1: shuffle(1, 1); return;
            case Opcodes.DUP_X2: shuffle(1, 2); return;
            case Opcodes.DUP2: shuffle(2, 0); return;
            case Opcodes.DUP2_X1: shuffle(2, 1); return;
            case Opcodes.DUP2_X2: shuffle(2, 2); return;
            case Opcodes.SWAP: swap(); return;
            case Opcodes.IADD: case Opcodes.FADD: case Opcodes.ISUB: case Opcodes.FSUB: case Opcodes.IMUL:
            case Opcodes.FMUL: case Opcodes.IDIV: case Opcodes.FDIV: case Opcodes.IREM: case Opcodes.FREM:
            case Opcodes.ISHL: case Opcodes.ISHR: case Opcodes.IUSHR: case Opcodes.IAND: case Opcodes.IOR:
            case Opcodes.IXOR: case Opcodes.FCMPL: case Opcodes.FCMPG:
                effect(2, 1); return;
            case Opcodes.LADD: case Opcodes.DADD: case Opcodes.LSUB: case Opcodes.DSUB: case Opcodes.LMUL:
            case Opcodes.DMUL: case Opcodes.LDIV: case Opcodes.DDIV: case Opcodes.LREM: case Opcodes.DREM:
            case Opcodes.LAND: case Opcodes.LOR: case Opcodes.LXOR:
                effect(4, 2); return;
            case Opcodes.LSHL: case Opcodes.LSHR: case Opcodes.LUSHR: effect(3, 2); return;
            case Opcodes.INEG: case Opcodes.FNEG: case Opcodes.I2F: case Opcodes.F2I: case Opcodes.I2B:
            case Opcodes.I2C: case Opcodes.I2S: case Opcodes.ARRAYLENGTH:
                effect(1, 1); return;
            case Opcodes.LNEG: case Opcodes.DNEG: case Opcodes.L2D: case Opcodes.D2L: effect(2, 2); return;
            case Opcodes.I2L: case Opcodes.I2D: case Opcodes.F2L: case Opcodes.F2D: effect(1, 2); return;
            case Opcodes.L2I: case Opcodes.L2F: case Opcodes.D2I: case Opcodes.D2F: effect(2, 1); return;
            case Opcodes.LCMP: case Opcodes.DCMPL: case Opcodes.DCMPG: effect(4, 1); return;
            case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT: effect(1, 0); return;
            default: lose(); // returns, athrow: nothing falls through
        }
    }

    void intInsn(int opcode) {
        effect(opcode == Opcodes.NEWARRAY ? 1 : 0, 1);
    }

    void varInsn(int opcode, int var) {
        switch (opcode) {
            case Opcodes.ALOAD: push(thisLocals.get(var) ? Slot.THIS : Slot.OTHER); return;
            case Opcodes.ILOAD: case Opcodes.FLOAD: effect(0, 1); return;
            case Opcodes.LLOAD: case Opcodes.DLOAD: effect(0, 2); return;
            case Opcodes.ASTORE:
                thisLocals.set(var, known && !stack.isEmpty() && stack.get(stack.size() - 1) == Slot.THIS);
                effect(1, 0);
                return;
            case Opcodes.ISTORE: case Opcodes.FSTORE: thisLocals.clear(var); effect(1, 0); return;
            case Opcodes.LSTORE: case Opcodes.DSTORE: thisLocals.clear(var, var + 2); effect(2, 0); return;
            default: lose(); // ret
        }
    }

    void typeInsn(int opcode) {
        if (opcode == Opcodes.NEW) {
            effect(0, 1);
        } else if (opcode != Opcodes.CHECKCAST) { // a cast keeps what the slot holds
            effect(1, 1); // anewarray, instanceof
        }
    }

    void fieldInsn(int opcode, String descriptor) {
        int size = Type.getType(descriptor).getSize();
        switch (opcode) {
            case Opcodes.GETSTATIC: effect(0, size); return;
            case Opcodes.PUTSTATIC: effect(size, 0); return;
            case Opcodes.GETFIELD: effect(1, size); return;
            default: effect(1 + size, 0); // putfield
        }
    }

    void methodInsn(int opcode, String descriptor) {
        int sizes = Type.getArgumentsAndReturnSizes(descriptor);
        int arguments = (sizes >> 2) - 1; // the sizes count an implicit receiver slot
        effect(opcode == Opcodes.INVOKESTATIC ? arguments : arguments + 1, sizes & 0x3);
    }

    void invokeDynamicInsn(String descriptor) {
        int sizes = Type.getArgumentsAndReturnSizes(descriptor);
        effect((sizes >> 2) - 1, sizes & 0x3);
    }

    void jumpInsn(int opcode) {
        switch (opcode) {
            case Opcodes.IFEQ: case Opcodes.IFNE: case Opcodes.IFLT: case Opcodes.IFGE: case Opcodes.IFGT:
            case Opcodes.IFLE: case Opcodes.IFNULL: case Opcodes.IFNONNULL:
                effect(1, 0); return;
            case Opcodes.IF_ICMPEQ: case Opcodes.IF_ICMPNE: case Opcodes.IF_ICMPLT: case Opcodes.IF_ICMPGE:
            case Opcodes.IF_ICMPGT: case Opcodes.IF_ICMPLE: case Opcodes.IF_ACMPEQ: case Opcodes.IF_ACMPNE:
                effect(2, 0); return;
            default: lose(); // goto, jsr
        }
    }

    void ldcInsn(Object value) {
        boolean wide = value instanceof Long || value instanceof Double
                || (value instanceof ConstantDynamic && ((ConstantDynamic) value).getSize() == 2);
        effect(0, wide ? 2 : 1);
    }

    /** A switch: its operand is popped and nothing falls through. */
    void switchInsn() {
        lose();
    }

    void multiANewArrayInsn(int dimensions) {
        effect(dimensions, 1);
    }

    private void effect(int pops, int pushes) {
        if (!known) {
            return;
        }
        if (pops > stack.size()) {
            lose();
            return;
        }
        for (int i = 0; i < pops; i++) {
            stack.remove(stack.size() - 1);
        }
        for (int i = 0; i < pushes; i++) {
            stack.add(Slot.OTHER);
        }
    }

    private void push(Slot slot) {
        if (known) {
            stack.add(slot);
        }
    }

    /** The dup family: copies the top {@code copied} slots below the {@code skipped} slots under them. */
    private void shuffle(int copied, int skipped) {
        if (!known || copied + skipped > stack.size()) {
            lose();
            return;
        }
        int top = stack.size();
        List<Slot> copy = new ArrayList<>(stack.subList(top - copied, top));
        stack.addAll(top - copied - skipped, copy);
    }

    private void swap() {
        if (!known || stack.size() < 2) {
            lose();
            return;
        }
        int top = stack.size() - 1;
        stack.set(top, stack.set(top - 1, stack.get(top)));
    }

    private void lose() {
        known = false;
        stack.clear();
    }

    private static boolean isWide(Object frameType) {
        return frameType == Opcodes.LONG || frameType == Opcodes.DOUBLE;
    }
}
