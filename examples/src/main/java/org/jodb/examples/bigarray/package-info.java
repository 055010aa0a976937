/**
 * Arrays larger than the heap: {@link org.jodb.examples.bigarray.BigArrayDemo} stores an array of
 * doubles several times the size of its heap in a database file, reads it back, changes a few
 * elements and prints what the storage wrote for that change. Run it with
 * {@code -Pdemo -Ddemo.main=org.jodb.examples.bigarray.BigArrayDemo -Ddemo.jvm.flags=-Xmx256m}
 * (see the README). Example code only.
 */
package org.jodb.examples.bigarray;
