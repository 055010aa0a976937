package org.jodb.bigarray;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jodb.Connection;
import org.jodb.bigfile.BigFileHandle;

/**
 * Reads and writes one {@link BigArray} through one {@link Connection}, or a range of its rows (a
 * view). {@link BigArray#handle(Connection)} gives the connection's handle of the whole array;
 * {@link #slice} and {@link #asReadOnly} give views of it, which read and write the same elements.
 * The elements go through the array's {@link BigFileHandle}, so memory stays within its budget of
 * loaded blocks however much is read, and changes are stored when the connection commits, dropped
 * when it aborts, and invisible to other connections until then (see {@link BigFileHandle}).
 *
 * <p><b>Indexes.</b> An element is addressed either by one index per axis ({@code getDouble(i, j)},
 * {@code setDouble(new long[] {i, j}, x)}) or by its flat row-major index in the view
 * ({@code getDouble(k)}, with one argument), as in ND4J. An index out of range throws
 * {@link IndexOutOfBoundsException} naming the index and the shape.
 *
 * <p><b>Types.</b> Scalar accessors are typed ({@code getInt}, {@code setDouble}, ...); bulk copies
 * take the element type's Java array or {@code java.nio} buffer ({@code double[]} or
 * {@link DoubleBuffer} for {@link ElementType#DOUBLE}, ...), of any byte order, heap or direct, as
 * {@code java.nio}'s bulk {@code get} and {@code put} do. Using another type than the array's
 * element type throws {@link IllegalArgumentException} naming both; nothing converts silently.
 *
 * <p><b>Streams.</b> {@link #doubles}, {@link #longs} and {@link #ints} stream the view's elements
 * in order, reading a piece of {@value #STREAM_PIECE} elements at a time: the whole array is never
 * in memory. They are sequential; do not make them parallel (the handle is not thread-safe).
 *
 * <p>Not thread-safe: use it, its views and their streams on the thread that uses its connection.
 */
public final class BigArrayHandle {
    /** Elements a stream reads at once. */
    public static final int STREAM_PIECE = 8192;
    /** Bytes a bulk copy moves through its buffer at once. */
    private static final int COPY_BYTES = 64 << 10;
    /** {@link #rows} of the whole array, which follows its resizes. */
    private static final long ALL_ROWS = -1;

    private final Connection connection;
    private final BigArray array;
    private final BigFileHandle file;
    private final long firstRow;
    private final long rows;
    private final boolean readOnly;
    private final ByteBuffer scalar = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer copy;

    BigArrayHandle(Connection connection, BigArray array, BigFileHandle file) {
        this(connection, array, file, 0, ALL_ROWS, false);
    }

    private BigArrayHandle(Connection connection, BigArray array, BigFileHandle file, long firstRow, long rows,
                           boolean readOnly) {
        this.connection = connection;
        this.array = array;
        this.file = file;
        this.firstRow = firstRow;
        this.rows = rows;
        this.readOnly = readOnly;
    }

    boolean isFor(Connection other) {
        return connection == other && connection.isOpen();
    }

    /** The array. */
    public BigArray array() {
        return array;
    }

    /** The element type. */
    public ElementType elementType() {
        return array.elementType();
    }

    /** This view's dimensions: the array's, with only its rows on the first axis (a copy). */
    public long[] shape() {
        long[] shape = array.shape();
        shape[0] = rows();
        return shape;
    }

    /** The number of elements in this view. */
    public long size() {
        return rows() * ArrayShape.rowElements(array.dimensions());
    }

    /** Whether this view refuses writes. */
    public boolean isReadOnly() {
        return readOnly;
    }

    // ---- views and the first axis ------------------------------------------------------------------

    /**
     * A view of rows {@code [from, to)} of this view (indexes along the first axis), writable if
     * this one is. Its shape is this one's with {@code to - from} rows; its index 0 is row
     * {@code from}.
     *
     * @throws IndexOutOfBoundsException if the range is not within this view's rows
     */
    public BigArrayHandle slice(long from, long to) {
        long count = rows();
        if (from < 0 || from > to || to > count) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") are out of range for shape "
                    + ArrayShape.describe(shape()));
        }
        return new BigArrayHandle(connection, array, file, firstRow + from, to - from, readOnly);
    }

    /** A view of the same elements that refuses writes. */
    public BigArrayHandle asReadOnly() {
        return new BigArrayHandle(connection, array, file, firstRow, rows, true);
    }

    /**
     * Sets the number of rows (the first dimension): rows past the new end are dropped, new rows
     * read as zeros. Stored at the next commit, with the rest of the transaction.
     *
     * @throws IllegalArgumentException      if {@code newRows} is negative or the new shape's size overflows a long
     * @throws UnsupportedOperationException if this is a view, not the array's handle
     * @throws IllegalStateException         if the connection is closed or read-only
     */
    public void resize(long newRows) {
        checkWholeArray("resize");
        long[] next = array.shape();
        next[0] = newRows;
        long bytes = ArrayShape.bytes(array.elementType(), next);
        checkWritableConnection();
        if (bytes < file.size()) {
            file.truncate(bytes); // rows resized away must not come back when it grows again
        }
        if (newRows != array.dimensions()[0]) {
            array.setShape(next);
        }
    }

    /**
     * Appends {@code src}'s remaining elements as new rows along the first axis, advancing its
     * position.
     *
     * @param src a buffer of the element type holding whole rows
     * @return the index of the first new row
     * @throws IllegalArgumentException      if {@code src} is of another type or does not hold whole rows
     * @throws UnsupportedOperationException if this is a view, not the array's handle
     */
    public long append(Buffer src) {
        checkWholeArray("append");
        checkType(src, "append");
        long[] shape = array.dimensions();
        long rowElements = ArrayShape.rowElements(shape);
        int count = src.remaining();
        if (rowElements == 0 ? count != 0 : count % rowElements != 0) {
            throw new IllegalArgumentException("append takes whole rows of " + rowElements + " elements to shape "
                    + ArrayShape.describe(shape) + ", not " + count + " elements");
        }
        long first = shape[0];
        if (count > 0) {
            resize(first + count / rowElements);
            set(first * rowElements, src);
        }
        return first;
    }

    // ---- bulk copies -------------------------------------------------------------------------------

    /**
     * Copies elements from flat index {@code index} of this view into {@code dst}, as many as it has
     * remaining, advancing its position.
     *
     * @param dst a buffer of the element type: {@link DoubleBuffer} for {@link ElementType#DOUBLE}, ...
     * @throws IllegalArgumentException  if {@code dst} is of another type
     * @throws IndexOutOfBoundsException if the elements are not all within this view
     */
    public void get(long index, Buffer dst) {
        ElementType type = checkType(dst, "get");
        long position = position(index, dst.remaining());
        ByteBuffer bytes = copyBuffer();
        int perCopy = COPY_BYTES / type.bytes();
        for (int count = dst.remaining(); count > 0; ) {
            int n = Math.min(perCopy, count);
            bytes.clear().limit(n * type.bytes());
            readBytes(position, bytes);
            type.fromBytes(bytes.flip(), dst);
            position += (long) n * type.bytes();
            count -= n;
        }
    }

    /**
     * Copies {@code src}'s remaining elements to this view's elements from flat index
     * {@code index} on, advancing its position.
     *
     * @param src a buffer of the element type: {@link DoubleBuffer} for {@link ElementType#DOUBLE}, ...
     * @throws IllegalArgumentException      if {@code src} is of another type
     * @throws IndexOutOfBoundsException     if the elements are not all within this view
     * @throws UnsupportedOperationException if this view is read-only
     */
    public void set(long index, Buffer src) {
        ElementType type = checkType(src, "set");
        checkWritableView();
        long position = position(index, src.remaining());
        ByteBuffer bytes = copyBuffer();
        int perCopy = COPY_BYTES / type.bytes();
        for (int count = src.remaining(); count > 0; ) {
            int n = Math.min(perCopy, count);
            bytes.clear();
            type.toBytes(src, n, bytes);
            file.write(position, bytes.position(0).limit(n * type.bytes()));
            src.position(src.position() + n);
            position += (long) n * type.bytes();
            count -= n;
        }
    }

    // ---- elements ----------------------------------------------------------------------------------

    /** The BYTE element at flat (row-major) index {@code index} of this view. */
    public byte getByte(long index) {
        return element(ElementType.BYTE, index).get(0);
    }

    /** The BYTE element at {@code index}, one index per axis. */
    public byte getByte(long... index) {
        return getByte(flatten(index));
    }

    /** Sets the BYTE element at flat (row-major) index {@code index} of this view. */
    public void setByte(long index, byte value) {
        store(ElementType.BYTE, index, scalar.clear().put(0, value));
    }

    /** Sets the BYTE element at {@code index}, one index per axis. */
    public void setByte(long[] index, byte value) {
        setByte(flatten(index), value);
    }

    /** The SHORT element at flat (row-major) index {@code index} of this view. */
    public short getShort(long index) {
        return element(ElementType.SHORT, index).getShort(0);
    }

    /** The SHORT element at {@code index}, one index per axis. */
    public short getShort(long... index) {
        return getShort(flatten(index));
    }

    /** Sets the SHORT element at flat (row-major) index {@code index} of this view. */
    public void setShort(long index, short value) {
        store(ElementType.SHORT, index, scalar.clear().putShort(0, value));
    }

    /** Sets the SHORT element at {@code index}, one index per axis. */
    public void setShort(long[] index, short value) {
        setShort(flatten(index), value);
    }

    /** The INT element at flat (row-major) index {@code index} of this view. */
    public int getInt(long index) {
        return element(ElementType.INT, index).getInt(0);
    }

    /** The INT element at {@code index}, one index per axis. */
    public int getInt(long... index) {
        return getInt(flatten(index));
    }

    /** Sets the INT element at flat (row-major) index {@code index} of this view. */
    public void setInt(long index, int value) {
        store(ElementType.INT, index, scalar.clear().putInt(0, value));
    }

    /** Sets the INT element at {@code index}, one index per axis. */
    public void setInt(long[] index, int value) {
        setInt(flatten(index), value);
    }

    /** The LONG element at flat (row-major) index {@code index} of this view. */
    public long getLong(long index) {
        return element(ElementType.LONG, index).getLong(0);
    }

    /** The LONG element at {@code index}, one index per axis. */
    public long getLong(long... index) {
        return getLong(flatten(index));
    }

    /** Sets the LONG element at flat (row-major) index {@code index} of this view. */
    public void setLong(long index, long value) {
        store(ElementType.LONG, index, scalar.clear().putLong(0, value));
    }

    /** Sets the LONG element at {@code index}, one index per axis. */
    public void setLong(long[] index, long value) {
        setLong(flatten(index), value);
    }

    /** The FLOAT element at flat (row-major) index {@code index} of this view. */
    public float getFloat(long index) {
        return element(ElementType.FLOAT, index).getFloat(0);
    }

    /** The FLOAT element at {@code index}, one index per axis. */
    public float getFloat(long... index) {
        return getFloat(flatten(index));
    }

    /** Sets the FLOAT element at flat (row-major) index {@code index} of this view. */
    public void setFloat(long index, float value) {
        store(ElementType.FLOAT, index, scalar.clear().putFloat(0, value));
    }

    /** Sets the FLOAT element at {@code index}, one index per axis. */
    public void setFloat(long[] index, float value) {
        setFloat(flatten(index), value);
    }

    /** The DOUBLE element at flat (row-major) index {@code index} of this view. */
    public double getDouble(long index) {
        return element(ElementType.DOUBLE, index).getDouble(0);
    }

    /** The DOUBLE element at {@code index}, one index per axis. */
    public double getDouble(long... index) {
        return getDouble(flatten(index));
    }

    /** Sets the DOUBLE element at flat (row-major) index {@code index} of this view. */
    public void setDouble(long index, double value) {
        store(ElementType.DOUBLE, index, scalar.clear().putDouble(0, value));
    }

    /** Sets the DOUBLE element at {@code index}, one index per axis. */
    public void setDouble(long[] index, double value) {
        setDouble(flatten(index), value);
    }

    // ---- bulk copies to and from Java arrays -------------------------------------------------------

    /** Copies {@code dst.length} elements from flat index {@code index} into {@code dst}; see {@link #get(long, Buffer)}. */
    public void get(long index, byte[] dst) {
        get(index, ByteBuffer.wrap(dst));
    }

    /** Copies {@code src} to the elements from flat index {@code index} on; see {@link #set(long, Buffer)}. */
    public void set(long index, byte[] src) {
        set(index, ByteBuffer.wrap(src));
    }

    /** Copies {@code dst.length} elements from flat index {@code index} into {@code dst}; see {@link #get(long, Buffer)}. */
    public void get(long index, short[] dst) {
        get(index, ShortBuffer.wrap(dst));
    }

    /** Copies {@code src} to the elements from flat index {@code index} on; see {@link #set(long, Buffer)}. */
    public void set(long index, short[] src) {
        set(index, ShortBuffer.wrap(src));
    }

    /** Copies {@code dst.length} elements from flat index {@code index} into {@code dst}; see {@link #get(long, Buffer)}. */
    public void get(long index, int[] dst) {
        get(index, IntBuffer.wrap(dst));
    }

    /** Copies {@code src} to the elements from flat index {@code index} on; see {@link #set(long, Buffer)}. */
    public void set(long index, int[] src) {
        set(index, IntBuffer.wrap(src));
    }

    /** Copies {@code dst.length} elements from flat index {@code index} into {@code dst}; see {@link #get(long, Buffer)}. */
    public void get(long index, long[] dst) {
        get(index, LongBuffer.wrap(dst));
    }

    /** Copies {@code src} to the elements from flat index {@code index} on; see {@link #set(long, Buffer)}. */
    public void set(long index, long[] src) {
        set(index, LongBuffer.wrap(src));
    }

    /** Copies {@code dst.length} elements from flat index {@code index} into {@code dst}; see {@link #get(long, Buffer)}. */
    public void get(long index, float[] dst) {
        get(index, FloatBuffer.wrap(dst));
    }

    /** Copies {@code src} to the elements from flat index {@code index} on; see {@link #set(long, Buffer)}. */
    public void set(long index, float[] src) {
        set(index, FloatBuffer.wrap(src));
    }

    /** Copies {@code dst.length} elements from flat index {@code index} into {@code dst}; see {@link #get(long, Buffer)}. */
    public void get(long index, double[] dst) {
        get(index, DoubleBuffer.wrap(dst));
    }

    /** Copies {@code src} to the elements from flat index {@code index} on; see {@link #set(long, Buffer)}. */
    public void set(long index, double[] src) {
        set(index, DoubleBuffer.wrap(src));
    }

    // ---- streams -----------------------------------------------------------------------------------

    /**
     * This view's elements in row-major order, read {@value #STREAM_PIECE} at a time; FLOAT elements
     * widen to double.
     *
     * @throws IllegalArgumentException if the elements are not FLOAT or DOUBLE
     */
    public DoubleStream doubles() {
        return ElementStreams.doubles(this);
    }

    /**
     * This view's elements in row-major order, read {@value #STREAM_PIECE} at a time; BYTE, SHORT
     * and INT elements widen to long.
     *
     * @throws IllegalArgumentException if the elements are FLOAT or DOUBLE
     */
    public LongStream longs() {
        return ElementStreams.longs(this);
    }

    /**
     * This view's elements in row-major order, read {@value #STREAM_PIECE} at a time; BYTE and SHORT
     * elements widen to int.
     *
     * @throws IllegalArgumentException if the elements are not BYTE, SHORT or INT
     */
    public IntStream ints() {
        return ElementStreams.ints(this);
    }

    // ---- positions and bytes -----------------------------------------------------------------------

    /** The rows of this view, checked against the array's, which may have shrunk since the view was made. */
    private long rows() {
        long arrayRows = array.dimensions()[0];
        if (rows == ALL_ROWS) {
            return arrayRows;
        }
        if (firstRow + rows > arrayRows) {
            throw new IndexOutOfBoundsException("this view of rows [" + firstRow + ", " + (firstRow + rows)
                    + ") is past the end of " + array + ", resized since");
        }
        return rows;
    }

    private long flatten(long[] index) {
        return ArrayShape.flatten(index, shape());
    }

    /** The byte position of flat index {@code index}, after checking {@code count} elements from it are within this view. */
    private long position(long index, long count) {
        long size = size();
        if (index < 0 || index > size - count) {
            String what = count == 1 ? "index " + index : "elements [" + index + ", " + (index + count) + ")";
            throw new IndexOutOfBoundsException(what + " out of range for shape " + ArrayShape.describe(shape()));
        }
        return (firstRow * ArrayShape.rowElements(array.dimensions()) + index) * array.elementType().bytes();
    }

    /** The element at {@code index}, in {@link #scalar} from 0, after checking its type. */
    private ByteBuffer element(ElementType type, long index) {
        checkType(type);
        long position = position(index, 1);
        ByteBuffer bytes = scalar.clear().limit(type.bytes());
        readBytes(position, bytes);
        return bytes;
    }

    /** Writes the element of {@code type} at {@code index}, whose bytes are in {@code bytes} from 0. */
    private void store(ElementType type, long index, ByteBuffer bytes) {
        checkType(type);
        checkWritableView();
        file.write(position(index, 1), bytes.limit(type.bytes()));
    }

    /** Fills {@code dst}'s remaining bytes from {@code position}: the file ends at the last byte written, the array may go on in zeros. */
    private void readBytes(long position, ByteBuffer dst) {
        file.read(position, dst);
        if (dst.hasRemaining()) {
            Arrays.fill(dst.array(), dst.arrayOffset() + dst.position(), dst.arrayOffset() + dst.limit(), (byte) 0);
            dst.position(dst.limit());
        }
    }

    private ByteBuffer copyBuffer() {
        if (copy == null) {
            copy = ByteBuffer.allocate(COPY_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        }
        return copy;
    }

    private void checkType(ElementType type) {
        if (type != array.elementType()) {
            throw new IllegalArgumentException(array + " holds " + array.elementType() + " elements, not " + type);
        }
    }

    private ElementType checkType(Buffer buffer, String operation) {
        ElementType type = array.elementType();
        if (!type.bufferType().isInstance(buffer)) {
            throw new IllegalArgumentException(operation + " needs a " + type.bufferType().getSimpleName()
                    + " for " + array + ", given " + bufferKind(buffer));
        }
        return type;
    }

    private static String bufferKind(Buffer buffer) {
        for (ElementType type : ElementType.values()) {
            if (type.bufferType().isInstance(buffer)) {
                return type.bufferType().getSimpleName();
            }
        }
        return buffer.getClass().getName();
    }

    private void checkWritableView() {
        if (readOnly) {
            throw new UnsupportedOperationException("this view of " + array + " is read-only");
        }
    }

    private void checkWholeArray(String operation) {
        checkWritableView();
        if (rows != ALL_ROWS) {
            throw new UnsupportedOperationException(operation + " changes the whole array, not a view of rows ["
                    + firstRow + ", " + (firstRow + rows) + ") of " + array);
        }
    }

    private void checkWritableConnection() {
        if (!connection.isOpen()) {
            throw new IllegalStateException("the handle's connection is closed");
        }
        if (connection.isReadOnly()) {
            throw new IllegalStateException("cannot change " + array + ": the connection is read-only");
        }
    }

    @Override
    public String toString() {
        String range = rows == ALL_ROWS ? "" : " rows [" + firstRow + ", " + (firstRow + rows) + ")";
        return "BigArrayHandle(" + array + range + (readOnly ? ", read-only" : "") + ")";
    }
}
