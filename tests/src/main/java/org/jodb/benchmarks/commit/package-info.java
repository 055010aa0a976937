/**
 * What a commit of one changed object costs against the machine's limit and the peers, durable
 * ({@link org.jodb.benchmarks.commit.DurableCommitBenchmark}: a raw 4 KiB overwrite and sync, jodb,
 * LMDB) and not ({@code sync(false)} against EclipseStore), and how concurrent committers share syncs
 * ({@link org.jodb.benchmarks.commit.GroupCommitBenchmark}).
 */
package org.jodb.benchmarks.commit;
