package org.jodb.bigarray;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * The type of a {@link BigArray}'s elements, each with its {@code java.nio} buffer type. Elements
 * are stored little-endian (NumPy's {@code '<'} order, native on x86 and ARM), whatever the
 * platform, so a database file reads the same everywhere.
 */
public enum ElementType {
    BYTE(Byte.BYTES, ByteBuffer.class) {
        @Override
        void fromBytes(ByteBuffer bytes, Buffer dst) {
            ((ByteBuffer) dst).put(bytes);
        }

        @Override
        void toBytes(Buffer src, int count, ByteBuffer bytes) {
            ByteBuffer from = (ByteBuffer) src;
            bytes.put(from.slice(from.position(), count));
        }
    },
    SHORT(Short.BYTES, ShortBuffer.class) {
        @Override
        void fromBytes(ByteBuffer bytes, Buffer dst) {
            ((ShortBuffer) dst).put(bytes.asShortBuffer());
        }

        @Override
        void toBytes(Buffer src, int count, ByteBuffer bytes) {
            ShortBuffer from = (ShortBuffer) src;
            bytes.asShortBuffer().put(from.slice(from.position(), count));
        }
    },
    INT(Integer.BYTES, IntBuffer.class) {
        @Override
        void fromBytes(ByteBuffer bytes, Buffer dst) {
            ((IntBuffer) dst).put(bytes.asIntBuffer());
        }

        @Override
        void toBytes(Buffer src, int count, ByteBuffer bytes) {
            IntBuffer from = (IntBuffer) src;
            bytes.asIntBuffer().put(from.slice(from.position(), count));
        }
    },
    LONG(Long.BYTES, LongBuffer.class) {
        @Override
        void fromBytes(ByteBuffer bytes, Buffer dst) {
            ((LongBuffer) dst).put(bytes.asLongBuffer());
        }

        @Override
        void toBytes(Buffer src, int count, ByteBuffer bytes) {
            LongBuffer from = (LongBuffer) src;
            bytes.asLongBuffer().put(from.slice(from.position(), count));
        }
    },
    FLOAT(Float.BYTES, FloatBuffer.class) {
        @Override
        void fromBytes(ByteBuffer bytes, Buffer dst) {
            ((FloatBuffer) dst).put(bytes.asFloatBuffer());
        }

        @Override
        void toBytes(Buffer src, int count, ByteBuffer bytes) {
            FloatBuffer from = (FloatBuffer) src;
            bytes.asFloatBuffer().put(from.slice(from.position(), count));
        }
    },
    DOUBLE(Double.BYTES, DoubleBuffer.class) {
        @Override
        void fromBytes(ByteBuffer bytes, Buffer dst) {
            ((DoubleBuffer) dst).put(bytes.asDoubleBuffer());
        }

        @Override
        void toBytes(Buffer src, int count, ByteBuffer bytes) {
            DoubleBuffer from = (DoubleBuffer) src;
            bytes.asDoubleBuffer().put(from.slice(from.position(), count));
        }
    };

    private final int bytes;
    private final Class<? extends Buffer> bufferType;

    ElementType(int bytes, Class<? extends Buffer> bufferType) {
        this.bytes = bytes;
        this.bufferType = bufferType;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The {@code java.nio} buffer type that holds these elements: {@code DoubleBuffer} for {@link #DOUBLE}, and so on. */
    public Class<? extends Buffer> bufferType() {
        return bufferType;
    }

    /** Copies the elements in {@code bytes}' remaining little-endian bytes into {@code dst}, advancing it. */
    abstract void fromBytes(ByteBuffer bytes, Buffer dst);

    /**
     * Copies {@code count} elements from {@code src}'s position into {@code bytes} (little-endian,
     * from its position), leaving {@code src}'s position where it was; {@code bytes}' position
     * afterwards is unspecified.
     */
    abstract void toBytes(Buffer src, int count, ByteBuffer bytes);
}
