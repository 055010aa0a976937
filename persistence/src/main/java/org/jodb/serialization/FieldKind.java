package org.jodb.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Field;

/**
 * The kind of a stored field: one of the eight primitive types, written raw, or a reference,
 * written by Kryo with a class tag. The code letters are the JVM's descriptor letters and appear in
 * layout descriptors, so they must never change.
 */
enum FieldKind {
    BOOLEAN('Z', boolean.class), BYTE('B', byte.class), CHAR('C', char.class), SHORT('S', short.class),
    INT('I', int.class), LONG('J', long.class), FLOAT('F', float.class), DOUBLE('D', double.class),
    REFERENCE('L', Object.class);

    final char code;
    final Class<?> type;

    FieldKind(char code, Class<?> type) {
        this.code = code;
        this.type = type;
    }

    static FieldKind of(Class<?> type) {
        if (!type.isPrimitive()) {
            return REFERENCE;
        }
        for (FieldKind kind : values()) {
            if (kind.type == type) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no field kind for " + type);
    }

    static FieldKind ofCode(char code) {
        for (FieldKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown field kind '" + code + "'");
    }

    boolean isPrimitive() {
        return this != REFERENCE;
    }

    /** Whether a value of this primitive kind converts to {@code target} by JLS widening (5.1.2). */
    boolean widensTo(FieldKind target) {
        switch (this) {
            case BYTE: return target == SHORT || target == INT || target == LONG || target == FLOAT || target == DOUBLE;
            case SHORT:
            case CHAR: return target == INT || target == LONG || target == FLOAT || target == DOUBLE;
            case INT: return target == LONG || target == FLOAT || target == DOUBLE;
            case LONG: return target == FLOAT || target == DOUBLE;
            case FLOAT: return target == DOUBLE;
            default: return false;
        }
    }

    /** Writes a primitive field of {@code owner} raw, without boxing. */
    void write(Output out, Field field, Object owner) throws IllegalAccessException {
        switch (this) {
            case BOOLEAN: out.writeBoolean(field.getBoolean(owner)); break;
            case BYTE: out.writeByte(field.getByte(owner)); break;
            case CHAR: out.writeChar(field.getChar(owner)); break;
            case SHORT: out.writeShort(field.getShort(owner)); break;
            case INT: out.writeVarInt(field.getInt(owner), false); break;
            case LONG: out.writeVarLong(field.getLong(owner), false); break;
            case FLOAT: out.writeFloat(field.getFloat(owner)); break;
            case DOUBLE: out.writeDouble(field.getDouble(owner)); break;
            default: throw new IllegalStateException("not primitive");
        }
    }

    /** Reads a value of this primitive kind straight into a field of the same type. */
    void read(Input in, Field field, Object owner) throws IllegalAccessException {
        switch (this) {
            case BOOLEAN: field.setBoolean(owner, in.readBoolean()); break;
            case BYTE: field.setByte(owner, in.readByte()); break;
            case CHAR: field.setChar(owner, in.readChar()); break;
            case SHORT: field.setShort(owner, in.readShort()); break;
            case INT: field.setInt(owner, in.readVarInt(false)); break;
            case LONG: field.setLong(owner, in.readVarLong(false)); break;
            case FLOAT: field.setFloat(owner, in.readFloat()); break;
            case DOUBLE: field.setDouble(owner, in.readDouble()); break;
            default: throw new IllegalStateException("not primitive");
        }
    }

    /** Reads a value of this primitive kind boxed (the slow path, for conversions and records). */
    Object readBoxed(Input in) {
        switch (this) {
            case BOOLEAN: return in.readBoolean();
            case BYTE: return in.readByte();
            case CHAR: return in.readChar();
            case SHORT: return in.readShort();
            case INT: return in.readVarInt(false);
            case LONG: return in.readVarLong(false);
            case FLOAT: return in.readFloat();
            case DOUBLE: return in.readDouble();
            default: throw new IllegalStateException("not primitive");
        }
    }

    /** Writes a boxed value of this primitive kind (records, whose fields are read boxed). */
    void writeBoxed(Output out, Object value) {
        switch (this) {
            case BOOLEAN: out.writeBoolean((Boolean) value); break;
            case BYTE: out.writeByte((Byte) value); break;
            case CHAR: out.writeChar((Character) value); break;
            case SHORT: out.writeShort((Short) value); break;
            case INT: out.writeVarInt((Integer) value, false); break;
            case LONG: out.writeVarLong((Long) value, false); break;
            case FLOAT: out.writeFloat((Float) value); break;
            case DOUBLE: out.writeDouble((Double) value); break;
            default: throw new IllegalStateException("not primitive");
        }
    }

    /** The Java default of this kind, boxed; null for references. */
    Object defaultValue() {
        switch (this) {
            case BOOLEAN: return Boolean.FALSE;
            case BYTE: return (byte) 0;
            case CHAR: return (char) 0;
            case SHORT: return (short) 0;
            case INT: return 0;
            case LONG: return 0L;
            case FLOAT: return 0f;
            case DOUBLE: return 0d;
            default: return null;
        }
    }

    /** Sets a field of this kind to its Java default without boxing. */
    void clear(Field field, Object owner) throws IllegalAccessException {
        switch (this) {
            case BOOLEAN: field.setBoolean(owner, false); break;
            case BYTE: field.setByte(owner, (byte) 0); break;
            case CHAR: field.setChar(owner, (char) 0); break;
            case SHORT: field.setShort(owner, (short) 0); break;
            case INT: field.setInt(owner, 0); break;
            case LONG: field.setLong(owner, 0L); break;
            case FLOAT: field.setFloat(owner, 0f); break;
            case DOUBLE: field.setDouble(owner, 0d); break;
            default: field.set(owner, null);
        }
    }

    /** The primitive kind a wrapper class boxes, or null if {@code type} is not a wrapper. */
    static FieldKind unboxed(Class<?> type) {
        if (type == Boolean.class) return BOOLEAN;
        if (type == Byte.class) return BYTE;
        if (type == Character.class) return CHAR;
        if (type == Short.class) return SHORT;
        if (type == Integer.class) return INT;
        if (type == Long.class) return LONG;
        if (type == Float.class) return FLOAT;
        if (type == Double.class) return DOUBLE;
        return null;
    }
}
