package org.jodb.tests.crash;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
 * A campaign {@link #aimingAt aiming at} phases the child announces (e.g. {@code gc-start}) instead
 * waits, for a share of its kills, until the child announces one of them and kills 0 to a given
 * delay later, so that kills land inside short maintenance work often rather than by chance.
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
    private String[] aimedPhases = new String[0];
    private int aimedPercent;
    private int maxAimedDelayMicros;
    /** Per phase the child announced last before a kill: how many kills interrupted it. */
    private final Map<String, Integer> interrupted = new TreeMap<>();

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

    /**
     * Aims {@code percent} of the kills after start-up at {@code phases}: waits for one of them
     * (picked at random) and kills 0 to {@code maxDelayMicros} after it was announced.
     */
    KillCampaign aimingAt(int percent, int maxDelayMicros, String... phases) {
        this.aimedPercent = percent;
        this.maxAimedDelayMicros = maxDelayMicros;
        this.aimedPhases = phases.clone();
        return this;
    }

    /** How many kills interrupted each announced phase (the child's last line before dying). */
    Map<String, Integer> interrupted() {
        return interrupted;
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
        if (!interrupted.isEmpty()) {
            System.out.printf("%s: kills by the child's last announced phase: %s%n",
                    workloadClass.getSimpleName(), interrupted);
        }
        return stored;
    }

    Path file() {
        return file;
    }

    /**
     * Runs the workload in this JVM for exactly one more transaction on the file, with nothing
     * killed, and checks the file; returns the stored marker, which must be one past the last one.
     */
    long commitOneMoreInProcess() throws Exception {
        try {
            workload.commitUntilKilled(file, new Acknowledgements(new StopAfterOneCommit.Stream()));
            throw new AssertionError(workloadClass.getSimpleName() + " returned without committing");
        } catch (StopAfterOneCommit stopped) {
            return workload.checkAfterCrash(file);
        }
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
            if (aimedPhases.length > 0 && random.nextInt(100) < aimedPercent) {
                String phase = aimedPhases[random.nextInt(aimedPhases.length)];
                if (!child.awaitPhase(phase, READY_TIMEOUT_MILLIS)) {
                    child.kill();
                    throw new AssertionError("kill " + kill + ": the child never announced " + phase
                            + ": " + child.stderr());
                }
                sleepMicros(random.nextInt(maxAimedDelayMicros + 1));
            } else {
                sleepMicros(delayAfterReadyMicros());
            }
        }
        if (!child.isAlive()) {
            throw new AssertionError("kill " + kill + ": the child died by itself: " + child.stderr());
        }
        long acknowledged = child.kill();
        if (child.lastPhase() != null) {
            interrupted.merge(child.lastPhase(), 1, Integer::sum);
        }
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
