package org.jodb.bigarray;

import java.util.Arrays;

/** Checks of shapes and indexes, with the messages that name them. */
final class ArrayShape {
    private ArrayShape() {
    }

    /**
     * The bytes an array of this shape takes.
     *
     * @throws IllegalArgumentException if the shape has no axes, a negative dimension, or more
     *                                  bytes than a long counts
     */
    static long bytes(ElementType type, long[] shape) {
        if (type == null) {
            throw new NullPointerException("element type");
        }
        if (shape.length == 0) {
            throw new IllegalArgumentException("a BigArray needs at least one axis; the shape is []");
        }
        long elements = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] < 0) {
                throw new IllegalArgumentException("shape " + describe(shape) + " has a negative dimension, "
                        + shape[axis] + ", on axis " + axis);
            }
        }
        try {
            for (long dimension : shape) {
                elements = Math.multiplyExact(elements, dimension);
            }
            return Math.multiplyExact(elements, (long) type.bytes());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("shape " + describe(shape) + " of " + type
                    + " elements is larger than " + Long.MAX_VALUE + " bytes");
        }
    }

    /** Elements per index of the first axis: the product of the other dimensions. */
    static long rowElements(long[] shape) {
        long elements = 1;
        for (int axis = 1; axis < shape.length; axis++) {
            elements *= shape[axis];
        }
        return elements;
    }

    /**
     * The flat (row-major) index of {@code index} in {@code shape}.
     *
     * @throws IllegalArgumentException  if {@code index} has not one index per axis
     * @throws IndexOutOfBoundsException if an index is out of its axis' range
     */
    static long flatten(long[] index, long[] shape) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + describe(index) + " has " + index.length
                    + " indices, but shape " + describe(shape) + " has " + shape.length + " axes");
        }
        long flat = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IndexOutOfBoundsException("index " + describe(index) + " is out of range for shape "
                        + describe(shape) + " (axis " + axis + ")");
            }
            flat = flat * shape[axis] + index[axis];
        }
        return flat;
    }

    static String describe(long[] shape) {
        return Arrays.toString(shape);
    }
}
