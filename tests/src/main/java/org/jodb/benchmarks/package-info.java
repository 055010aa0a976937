/**
 * JMH benchmarks, run on demand ({@code mvn -B -Pbench -DskipTests verify}, see the README):
 * {@link org.jodb.benchmarks.FieldReadBenchmark} (the enhanced read path against a plain object),
 * {@link org.jodb.benchmarks.CacheBenchmark} (cache hits and ghost loads, with and without the
 * record cache), {@link org.jodb.benchmarks.CommitBenchmark},
 * {@link org.jodb.benchmarks.ChangeDetectionBenchmark}, {@link org.jodb.benchmarks.FileLoadBenchmark},
 * {@link org.jodb.benchmarks.BigFileReadBenchmark} (random block reads per block format),
 * {@link org.jodb.benchmarks.BlockCommitBenchmark} (a one-element commit per block format);
 * {@link org.jodb.benchmarks.ColdLoadProbe} is a plain program for cold reads, which JMH cannot
 * repeat. The rest are their states ({@link org.jodb.benchmarks.LoadedAccounts},
 * {@link org.jodb.benchmarks.GhostLoads}) and subjects ({@link org.jodb.benchmarks.BenchAccount}
 * and its plain twin {@link org.jodb.benchmarks.PlainAccount}, {@link org.jodb.benchmarks.BenchItem}).
 * Public only because JMH generates code against them; nothing outside this module uses them.
 */
package org.jodb.benchmarks;
