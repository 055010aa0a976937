/**
 * The space a file takes through garbage collection and compaction, measured as a plain program
 * ({@code mvn -B -o -Pspace -DskipTests verify -pl tests -am [-Dspace.args=N]}):
 * {@link org.jodb.benchmarks.space.SpaceMeasurement} stores small objects, makes every other one
 * unreachable, collects and compacts, and compares the file with a fresh store of the live objects
 * ({@link org.jodb.benchmarks.space.SpaceFigures}). A small run of the same scenario is a test of
 * this module.
 */
package org.jodb.benchmarks.space;
