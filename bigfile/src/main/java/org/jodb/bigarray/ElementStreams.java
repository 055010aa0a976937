package org.jodb.bigarray;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The streams of a {@link BigArrayHandle}: pieces of elements read by bulk copies, one piece when
 * the stream reaches it, flattened and widened to the stream's type.
 */
final class ElementStreams {
    private ElementStreams() {
    }

    static DoubleStream doubles(BigArrayHandle view) {
        switch (checkStream(view, "doubles", ElementType.FLOAT, ElementType.DOUBLE)) {
            case FLOAT:
                return pieces(view, FloatBuffer::allocate).flatMapToDouble(piece -> {
                    float[] values = piece.array();
                    return IntStream.range(0, values.length).mapToDouble(i -> values[i]);
                });
            default:
                return pieces(view, DoubleBuffer::allocate).flatMapToDouble(piece -> DoubleStream.of(piece.array()));
        }
    }

    static LongStream longs(BigArrayHandle view) {
        if (checkStream(view, "longs", ElementType.BYTE, ElementType.SHORT, ElementType.INT, ElementType.LONG)
                == ElementType.LONG) {
            return pieces(view, LongBuffer::allocate).flatMapToLong(piece -> LongStream.of(piece.array()));
        }
        return ints(view).asLongStream();
    }

    static IntStream ints(BigArrayHandle view) {
        switch (checkStream(view, "ints", ElementType.BYTE, ElementType.SHORT, ElementType.INT)) {
            case BYTE:
                return pieces(view, ByteBuffer::allocate).flatMapToInt(piece -> {
                    byte[] values = piece.array();
                    return IntStream.range(0, values.length).map(i -> values[i]);
                });
            case SHORT:
                return pieces(view, ShortBuffer::allocate).flatMapToInt(piece -> {
                    short[] values = piece.array();
                    return IntStream.range(0, values.length).map(i -> values[i]);
                });
            default:
                return pieces(view, IntBuffer::allocate).flatMapToInt(piece -> IntStream.of(piece.array()));
        }
    }

    /** This view's elements in buffers of {@value BigArrayHandle#STREAM_PIECE} (the last shorter), each read when the stream reaches it. */
    private static <B extends Buffer> Stream<B> pieces(BigArrayHandle view, IntFunction<B> allocate) {
        long size = view.size();
        long count = (size + BigArrayHandle.STREAM_PIECE - 1) / BigArrayHandle.STREAM_PIECE;
        return LongStream.range(0, count).mapToObj(piece -> {
            long from = piece * BigArrayHandle.STREAM_PIECE;
            B buffer = allocate.apply((int) Math.min(BigArrayHandle.STREAM_PIECE, size - from));
            view.get(from, buffer);
            return buffer;
        });
    }

    private static ElementType checkStream(BigArrayHandle view, String stream, ElementType... types) {
        ElementType type = view.elementType();
        if (!Arrays.asList(types).contains(type)) {
            throw new IllegalArgumentException(stream + "() streams " + Arrays.toString(types) + " elements; "
                    + view.array() + " holds " + type);
        }
        return type;
    }
}
