/**
 * Bulk store and cold load of many small objects, jodb against EclipseStore in one process
 * ({@link org.jodb.benchmarks.bulk.BulkComparison}, run with {@code mvn -B -Pbulk -DskipTests verify -pl tests -am}).
 */
package org.jodb.benchmarks.bulk;
