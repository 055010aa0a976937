package org.jodb.tests.crash;

import java.nio.file.Path;

/**
 * One crash scenario: what a child JVM does to a file until it is killed, and how the parent checks
 * the file afterwards. Every implementation needs a public no-argument constructor, because the
 * child instantiates it by class name ({@link CrashChild}).
 *
 * <p>The contract that makes the parent's check possible: transaction {@code n} (n = 0, 1, 2, ...)
 * commits a set of writes that a {@link CommitPlan} derives from n alone, together with a marker
 * saying "n is committed", in one atomic commit; only after that commit returns does the child
 * call {@link Acknowledgements#committed(long)}. A scenario that also runs maintenance (garbage
 * collection, compaction) between commits keeps the same contract and adds the maintenance call to
 * its loop.
 */
public interface CrashWorkload {

    /**
     * Child side: opens {@code file} (creating it if needed), continues after the newest stored
     * transaction, and commits until the process is killed.
     */
    void commitUntilKilled(Path file, Acknowledgements acks) throws Exception;

    /**
     * Parent side, after the child was killed: reopens {@code file}, verifies the storage, and
     * checks that the newest revision holds exactly the state after the stored marker's transaction,
     * with every payload's checksum intact.
     *
     * @return the stored marker: the newest committed transaction, or -1 if none
     * @throws AssertionError (or the storage's exception) when anything does not hold
     */
    long checkAfterCrash(Path file);
}
