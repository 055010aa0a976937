/**
 * jodb's file storage against LMDB (lmdbjava), printed side by side:
 * {@link org.jodb.benchmarks.lmdb.LmdbComparison} is the program
 * ({@code mvn -B -Plmdb-compare -DskipTests verify}). Both stores sit behind
 * {@link org.jodb.benchmarks.lmdb.KeyValueSubject} ({@link org.jodb.benchmarks.lmdb.JodbSubject},
 * {@link org.jodb.benchmarks.lmdb.LmdbSubject}); the workloads are
 * {@link org.jodb.benchmarks.lmdb.UpdateWorkload} (file growth and commit latency under the readers
 * of a {@link org.jodb.benchmarks.lmdb.ReaderPlan}), {@link org.jodb.benchmarks.lmdb.CommitSizes}
 * and {@link org.jodb.benchmarks.lmdb.WarmLoads}. Public for this module's tests of the comparison
 * only.
 */
package org.jodb.benchmarks.lmdb;
