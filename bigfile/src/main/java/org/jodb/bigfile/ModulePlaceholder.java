package org.jodb.bigfile;

/** BigFile and BigArray arrive with their own issue; this module holds only this placeholder. */
final class ModulePlaceholder {
    private ModulePlaceholder() {}
}
