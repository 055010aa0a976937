/**
 * BigFile and BigArray, arrays far larger than the heap stored as blocks: not written yet. The
 * module holds only a package-private placeholder class, and no public type.
 */
package org.jodb.bigfile;
