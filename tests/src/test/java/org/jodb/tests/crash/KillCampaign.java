package org.jodb.tests.crash;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts a workload in a child JVM on one file, kills it with SIGKILL after a seeded random delay,
 * checks the file in this JVM, and does it again on the same file, {@code kills} times.
 *
 * <p>After every kill it asserts, beyond the workload's own check: the stored marker is at least
 * the last acknowledged transaction (nothing acknowledged is lost) and at most one more (the child
 * starts transaction n + 1 only after acknowledging n, so anything further would be invented), and
 * it never goes back between kills.
 *
 * <p>Delays: a tenth of the kills land during the child's start-up (JVM start, file open and
 * recovery), the rest after it reported ready: 0-3 ms (inside the first commits), 3-60 ms and
 * 60-400 ms, so kills fall anywhere in a commit: page writes, the forces, the meta page write.
 */
final class KillCampaign {
    private static final long READY_TIMEOUT_MILLIS = 60_000;

    private final Class<? extends CrashWorkload> workloadClass;
    private final CrashWorkload workload;
    private final Path file;
    private final Path stderr;
    private final Random random;

    private long stored = -1;
    private long acknowledgedCommits;
    private int killsBeforeReady;

    KillCampaign(Class<? extends CrashWorkload> workloadClass, Path dir, long seed) {
        this.workloadClass = workloadClass;
        try {
            this.workload = workloadClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(workloadClass + " needs a public no-argument constructor", e);
        }
        this.file = dir.resolve(workloadClass.getSimpleName() + ".jodb");
        this.stderr = dir.resolve(workloadClass.getSimpleName() + ".stderr");
        this.random = new Random(seed);
    }

    /** Runs {@code kills} kill-and-check rounds; returns the newest stored transaction. */
    long run(int kills) throws InterruptedException {
        long start = System.nanoTime();
        for (int kill = 1; kill <= kills; kill++) {
            round(kill);
        }
        System.out.printf("%s: %d kills (%d during start-up), %d commits acknowledged, marker %d,"
                        + " file %.1f MiB, %.1f s%n", workloadClass.getSimpleName(), kills, killsBeforeReady,
                acknowledgedCommits, stored, file.toFile().length() / 1048576.0, (System.nanoTime() - start) / 1e9);
        return stored;
    }

    Path file() {
        return file;
    }

    private void round(int kill) throws InterruptedException {
        ChildJvm child = ChildJvm.start(workloadClass, file, stderr);
        // The first run must create the file before start-up kills make sense.
        boolean duringStartUp = stored >= 0 && random.nextInt(10) == 0;
        if (duringStartUp) {
            sleepMicros(random.nextInt(400_000));
            killsBeforeReady++;
        } else {
            if (!child.awaitReady(READY_TIMEOUT_MILLIS)) {
                child.kill();
                throw new AssertionError("kill " + kill + ": the child did not open the file: " + child.stderr());
            }
            sleepMicros(delayAfterReadyMicros());
        }
        if (!child.isAlive()) {
            throw new AssertionError("kill " + kill + ": the child died by itself: " + child.stderr());
        }
        long acknowledged = child.kill();
        long previous = stored;
        try {
            stored = workload.checkAfterCrash(file);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("kill " + kill + " (last acknowledged " + acknowledged + ", marker before "
                    + previous + "): " + e, e);
        }
        if (stored < acknowledged || stored > Math.max(acknowledged, previous) + 1 || stored < previous) {
            throw new AssertionError("kill " + kill + ": stored marker " + stored + ", but the last acknowledged"
                    + " transaction is " + acknowledged + " and the marker before this run was " + previous);
        }
        if (acknowledged >= 0) {
            acknowledgedCommits += acknowledged - previous;
        }
    }

    private long delayAfterReadyMicros() {
        int bucket = random.nextInt(9);
        if (bucket < 3) {
            return random.nextInt(3_000);
        }
        return bucket < 6 ? 3_000 + random.nextInt(57_000) : 60_000 + random.nextInt(340_000);
    }

    private static void sleepMicros(long micros) {
        LockSupport.parkNanos(micros * 1_000);
    }
}
