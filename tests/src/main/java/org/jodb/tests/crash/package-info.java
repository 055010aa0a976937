/**
 * The crash harness, child side: programs a crash test runs in a child JVM and kills with
 * SIGKILL, and the workloads they run. {@link org.jodb.tests.crash.CrashChild} runs a
 * {@link org.jodb.tests.crash.CrashWorkload} (on the storage SPI: {@link org.jodb.tests.crash.StorageWorkload}
 * and its small, mixed and large records; through the whole stack:
 * {@link org.jodb.tests.crash.DatabaseWorkload}; with garbage collection and compaction:
 * {@link org.jodb.tests.crash.GarbageCompactionWorkload}) and reports each durable commit with
 * {@link org.jodb.tests.crash.Acknowledgements}. A {@link org.jodb.tests.crash.CommitPlan} derives
 * transaction {@code n}'s writes from {@code n} alone and {@link org.jodb.tests.crash.SelfCheckingPayload}
 * makes every payload verifiable, so the parent ({@code SigkillCrashTest} and {@code KillCampaign}
 * in this module's tests) checks after every kill that the file opens, verifies, and holds every
 * acknowledged commit and no partial one. Power cuts are simulated elsewhere: {@code PowerCutTest} in the persistence
 * module's tests of {@code org.jodb.storage.file}. Public because the child instantiates workloads
 * by class name; nothing outside the tests uses them.
 */
package org.jodb.tests.crash;
