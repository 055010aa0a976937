/**
 * Heap profiles in practice: {@link org.jodb.examples.profile.HeapProfileDemo} reads many
 * {@link org.jodb.examples.profile.Note}s through a connection with a small cache and shows with
 * {@link org.jodb.cache.HeapProfile} what its cache grew and what {@code minimize()} freed. Run it
 * with {@code -Ddemo.main=org.jodb.examples.profile.HeapProfileDemo} (see the README). Example code
 * only.
 */
package org.jodb.examples.profile;
