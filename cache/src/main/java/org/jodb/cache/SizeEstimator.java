package org.jodb.cache;

/**
 * Estimates the heap bytes of a loaded object from the length of its record, calibrated per class.
 *
 * <p>The record length alone is a poor guide (a compact string is about its length on the heap, a
 * varint-encoded {@code int[]} grows fourfold, a {@code HashMap} many times more), so for each
 * class the first {@value #EXACT_SAMPLES} loads, and every {@value #RESAMPLE_EVERY}th after, are
 * measured with a {@link HeapMeter}; the estimate is then {@code shell + ratio * recordBytes}, with
 * the class's shallow size as the shell and the ratio of measured state bytes beyond the shell to
 * record bytes over all samples. Without a meter it falls back to {@code 32 + 2 * recordBytes}.
 *
 * <p>Thread-safe: one estimator serves every connection of a database, so a class is calibrated
 * once, not once per connection. Sampling costs one graph walk of the loaded object.
 */
public final class SizeEstimator {
    static final int EXACT_SAMPLES = 8;
    static final int RESAMPLE_EVERY = 512;

    private final HeapMeter meter;
    private final ClassValue<Calibration> calibrations = new ClassValue<>() {
        @Override
        protected Calibration computeValue(Class<?> type) {
            return new Calibration();
        }
    };

    /** An estimator calibrated by {@code meter}; null uses the uncalibrated fallback. */
    public SizeEstimator(HeapMeter meter) {
        this.meter = meter;
    }

    /**
     * An estimator calibrated with JOL when JOL works silently in this JVM (started with the JOL
     * flags, see {@link JolSilence}), else the uncalibrated fallback: a program that did not ask for
     * measurements never sees JOL's or the JVM's warnings.
     */
    public static SizeEstimator calibrated() {
        return new SizeEstimator(JolSilence.holds() ? HeapMeter.jol() : null);
    }

    /** The uncalibrated fallback, for when measuring is unwanted. */
    public static SizeEstimator uncalibrated() {
        return new SizeEstimator(null);
    }

    /** True when estimates are calibrated by a meter. */
    public boolean isCalibrated() {
        return meter != null;
    }

    /** The estimated heap bytes of {@code object}, just loaded from a record of {@code recordBytes}. */
    public int estimate(PersistentObject object, int recordBytes) {
        if (meter == null) {
            return fallback(recordBytes);
        }
        Calibration calibration = calibrations.get(object.getClass());
        if (calibration.takeSample()) {
            long measured;
            long shell;
            try {
                measured = meter.stateSize(object);
                shell = meter.shallowSize(object);
            } catch (RuntimeException | OutOfMemoryError measuringFailed) {
                // A sample is an optimisation: it runs after a commit is durable or a record is
                // decoded, and must never fail either. The graph walk's garbage is already gone.
                return calibration.estimate(recordBytes);
            }
            calibration.add(shell, measured, recordBytes);
            return clamp(measured);
        }
        return calibration.estimate(recordBytes);
    }

    /** The estimate for a record of {@code recordBytes} of {@code type}, without sampling. */
    public int estimate(Class<?> type, int recordBytes) {
        return meter == null ? fallback(recordBytes) : calibrations.get(type).estimate(recordBytes);
    }

    private static int fallback(int recordBytes) {
        return clamp(32 + 2L * recordBytes);
    }

    static int clamp(long bytes) {
        return (int) Math.min(bytes, Integer.MAX_VALUE >> 1);
    }

    /** One class's samples; the ratio is recomputed at each sample and read racily (a double). */
    private static final class Calibration {
        private long loads;
        private long stateBeyondShell;
        private long recordBytes;
        private volatile long shellEstimate = 16;
        private volatile double ratio = 2.0;

        synchronized boolean takeSample() {
            long n = loads++;
            return n < EXACT_SAMPLES || n % RESAMPLE_EVERY == 0;
        }

        synchronized void add(long shallow, long measured, int recordLength) {
            stateBeyondShell += Math.max(0, measured - shallow);
            recordBytes += recordLength;
            shellEstimate = shallow;
            ratio = recordBytes == 0 ? 0 : (double) stateBeyondShell / recordBytes;
        }

        int estimate(int recordLength) {
            return clamp(shellEstimate + Math.round(ratio * recordLength));
        }
    }
}
