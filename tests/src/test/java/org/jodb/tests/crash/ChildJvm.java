package org.jodb.tests.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link CrashChild} running one workload in its own JVM (this JVM's java, class path and the
 * build's {@code jodb.jvm.flags}), whose acknowledgements are read as they arrive and which is
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux).
 */
final class ChildJvm {
    private final Process process;
    private final Path stderr;
    private final Thread reader;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicLong lastAcknowledged = new AtomicLong(-1);
    private final BlockingQueue<String> phases = new LinkedBlockingQueue<>();
    private volatile String lastPhase;
    private volatile String protocolError;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readAcknowledgements, "child-acks-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code workload} on {@code file}; the child's stderr goes to {@code stderr}. */
    static ChildJvm start(Class<? extends CrashWorkload> workload, Path file, Path stderr) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : System.getProperty("jodb.jvm.flags", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashChild.class.getName());
        command.add(workload.getName());
        command.add(file.toString());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                    .start();
            return new ChildJvm(process, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void readAcknowledgements() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
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
        } catch (IOException e) {
            // the pipe closes when the child is killed
        } catch (RuntimeException e) {
            // Reported, never swallowed: a reader that stopped would make later commits look unacknowledged.
            protocolError = "cannot read the child's acknowledgements: " + e;
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
        reader.join();
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
