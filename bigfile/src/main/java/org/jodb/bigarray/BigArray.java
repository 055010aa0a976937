package org.jodb.bigarray;

import java.lang.ref.WeakReference;
import org.jodb.Connection;
import org.jodb.Persistence;
import org.jodb.Persistent;
import org.jodb.bigfile.BigFile;
import org.jodb.bigfile.BigFileHandle;

/**
 * An n-dimensional array of one {@link ElementType}, far larger than the heap if need be: a
 * persistent object holding the element type, the shape and a {@link BigFile} with the elements in
 * row-major (C) order, little-endian. The element type and the number of axes are fixed at creation;
 * the first axis grows and shrinks ({@link BigArrayHandle#resize}, {@link BigArrayHandle#append}).
 * Elements never written read as zero and take no space.
 *
 * <p>Read and write it through its {@link #handle(Connection) handle}, one per array and
 * connection, as a {@link BigFile} through its {@link BigFileHandle}; the handle's changes are
 * stored when the connection commits:
 * <pre>{@code
 * BigArray array = new BigArray(ElementType.DOUBLE, 1_000_000, 3); // 1,000,000 rows of 3 doubles
 * connection.root().put("points", array);
 * connection.commit();                                            // a handle needs a stored array
 * BigArrayHandle points = array.handle(connection);
 * points.setDouble(new long[] {42, 1}, 2.5);                      // row 42, column 1
 * points.set(0, DoubleBuffer.wrap(firstRows));                    // bulk, from flat index 0
 * connection.commit();
 * double sum = points.doubles().sum();                            // streamed, block by block
 * }</pre>
 *
 * <p>Not thread-safe: like every persistent object, an array and its handle are used by their
 * connection's thread.
 */
@Persistent(detectChanges = false)
public class BigArray {
    private ElementType type;
    /** Replaced, never changed in place: its field write is what marks this object changed. */
    private long[] shape;
    private BigFile file;
    /** This connection's handle of this array; weak for the reason {@link BigFile}'s is. */
    private transient WeakReference<BigArrayHandle> handle;

    /**
     * An array of zeros in a new {@link BigFile} with the default blocks (2 MiB, AUTO format).
     *
     * @param type  the element type
     * @param shape the dimensions, at least one, none negative
     * @throws IllegalArgumentException if the shape has no axes, a negative dimension, or more bytes
     *                                  than a long counts
     */
    public BigArray(ElementType type, long... shape) {
        this(new BigFile(), type, shape);
    }

    /**
     * An array of zeros stored in {@code file}, to choose its block size, chunk size and format.
     *
     * @param file an empty file, used by no other array
     * @throws IllegalArgumentException if the file is not empty, or as {@link #BigArray(ElementType, long...)}
     */
    public BigArray(BigFile file, ElementType type, long... shape) {
        ArrayShape.bytes(type, shape);
        if (file.size() != 0) {
            throw new IllegalArgumentException("a BigArray needs an empty BigFile, not one of " + file.size() + " bytes");
        }
        this.type = type;
        this.shape = shape.clone();
        this.file = file;
    }

    /**
     * This array's handle for {@code connection}: the one it already has, else a new one, which
     * reads and writes the array in the connection's transactions until the connection is closed.
     *
     * @throws IllegalStateException    if the array was never committed, or the connection is closed
     * @throws IllegalArgumentException if the array was loaded through another connection
     */
    public BigArrayHandle handle(Connection connection) {
        BigArrayHandle current = handle == null ? null : handle.get();
        if (current == null || !current.isFor(connection)) {
            if (!connection.isOpen()) {
                throw new IllegalStateException("connection is closed");
            }
            long oid = Persistence.oid(this);
            if (oid == 0) {
                throw new IllegalStateException("the BigArray was never committed: store it (reach it from the root), "
                        + "commit, then open its handle");
            }
            if (connection.get(oid) != this) {
                throw new IllegalArgumentException("BigArray " + oid + " was loaded through another connection");
            }
            current = new BigArrayHandle(connection, this, file.handle(connection));
            handle = new WeakReference<>(current);
        }
        return current;
    }

    /** The element type. */
    public ElementType elementType() {
        return type;
    }

    /** The dimensions, as this connection's transaction sees them (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** The number of elements: the product of the dimensions. */
    public long size() {
        return shape[0] * ArrayShape.rowElements(shape);
    }

    /** The file that holds the elements. */
    public BigFile file() {
        return file;
    }

    /** The shape itself, not a copy: for the handle, which never changes it in place. */
    long[] dimensions() {
        return shape;
    }

    void setShape(long[] shape) {
        this.shape = shape;
    }

    @Override
    public String toString() {
        return "BigArray(" + Persistence.oid(this) + ", " + type + " " + ArrayShape.describe(shape) + ")";
    }
}
