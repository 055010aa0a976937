package org.jodb.tests.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jodb.tests.JavaCommand;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link CrashChild} running one workload in its own JVM (this JVM's java, class path and the
 * build's {@code jodb.jvm.flags}), whose acknowledgements are read as they arrive and which is
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux).
 *
 * <p>The child's stdout goes to a file, not a pipe: when a child dies, the JDK's process reaper
 * drains and closes a stdout pipe under a reading thread, which then sees "Stream closed" and loses
 * the last lines, so acknowledged commits looked unacknowledged (the marker ran 2-3 transactions
 * ahead of the last acknowledgement read). A file keeps every line the child wrote; a poller reads
 * it while the child runs, and {@link #kill()} reads the rest after the child is dead.
 */
final class ChildJvm {
    private final Process process;
    private final Path stderr;
    private final FileChannel acks;
    private final Thread reader;
    private final StringBuilder partialLine = new StringBuilder();
    private volatile boolean stopReading;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicLong lastAcknowledged = new AtomicLong(-1);
    private final BlockingQueue<String> phases = new LinkedBlockingQueue<>();
    private volatile String lastPhase;
    private volatile String protocolError;

    private ChildJvm(Process process, Path stderr, FileChannel acks) {
        this.process = process;
        this.stderr = stderr;
        this.acks = acks;
        this.reader = new Thread(this::pollAcknowledgements, "child-acks-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code workload} on {@code file}; the child's stderr goes to {@code stderr}, its stdout
     * (the acknowledgements) to a file next to it.
     */
    static ChildJvm start(Class<? extends CrashWorkload> workload, Path file, Path stderr) {
        List<String> command = JavaCommand.running(CrashChild.class, workload.getName(), file.toString());
        Path acks = stderr.resolveSibling(stderr.getFileName() + ".acks");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.to(acks.toFile()))
                    .start();
            return new ChildJvm(process, stderr, FileChannel.open(acks, StandardOpenOption.READ));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void pollAcknowledgements() {
        try {
            while (!stopReading) {
                if (!readNewLines()) {
                    LockSupport.parkNanos(200_000);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Reported, never swallowed: a reader that stopped would make later commits look unacknowledged.
            protocolError = "cannot read the child's acknowledgements: " + e;
        }
    }

    /** Reads and handles the complete lines the child wrote since the last call; false if none. */
    private synchronized boolean readNewLines() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        boolean any = false;
        while (acks.read(buffer) > 0) {
            any = true;
            partialLine.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
            buffer.clear();
            for (int end = partialLine.indexOf("\n"); end >= 0; end = partialLine.indexOf("\n")) {
                handle(partialLine.substring(0, end));
                partialLine.delete(0, end + 1);
            }
        }
        return any;
    }

    private void handle(String line) {
        if (line.equals(Acknowledgements.READY)) {
            ready.countDown();
        } else if (line.startsWith(Acknowledgements.COMMITTED)) {
            long n = Long.parseLong(line.substring(Acknowledgements.COMMITTED.length()));
            if (n != lastAcknowledged.get() + 1 && lastAcknowledged.get() >= 0) {
                protocolError = "acknowledgement " + n + " after " + lastAcknowledged.get();
            }
            lastAcknowledged.set(n);
            lastPhase = null; // a commit ends any maintenance phase
        } else if (line.startsWith(Acknowledgements.PHASE)) {
            String phase = line.substring(Acknowledgements.PHASE.length());
            lastPhase = phase;
            phases.add(phase);
        } else {
            protocolError = "unexpected line from the child: " + line;
        }
    }

    /** Waits until the child has opened the file; false if it did not within the timeout. */
    boolean awaitReady(long timeoutMillis) throws InterruptedException {
        return ready.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until the child announces {@code phase} ({@link Acknowledgements#phase}), skipping
     * other phases; false if it did not within the timeout.
     */
    boolean awaitPhase(String phase, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        for (long left = timeoutMillis; left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            String next = phases.poll(left, TimeUnit.MILLISECONDS);
            if (phase.equals(next)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The phase the child announced last, or null if it acknowledged a commit since (or never
     * announced one). Read after {@link #kill()}, it names the work the kill interrupted.
     */
    String lastPhase() {
        return lastPhase;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the child with SIGKILL, waits for it to die and reads every acknowledgement it wrote
     * before dying.
     *
     * @return the last acknowledged transaction, -1 if none (in this run)
     */
    long kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        try {
            process.getOutputStream().close(); // keeps no pipe open between runs
        } catch (IOException e) {
            // already broken: the child is dead
        }
        stopReading = true;
        reader.join();
        try (FileChannel channel = acks) {
            readNewLines(); // the child is dead: everything it wrote is in the file now
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the child's acknowledgements", e);
        }
        if (partialLine.length() > 0) {
            // A kill between the bytes of one line: the child had not finished acknowledging.
            partialLine.setLength(0);
        }
        if (protocolError != null) {
            throw new AssertionError(protocolError);
        }
        return lastAcknowledged.get();
    }

    /** The child's standard error so far, for failure messages. */
    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(cannot read " + stderr + ": " + e + ")";
        }
    }
}
