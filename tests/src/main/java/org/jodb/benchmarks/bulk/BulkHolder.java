package org.jodb.benchmarks.bulk;

import org.jodb.Persistent;

/** Holds the nodes of the bulk comparison in an array of references, as a new user might. */
@Persistent
public class BulkHolder {
    private BulkNode[] nodes;

    public BulkHolder(BulkNode[] nodes) {
        this.nodes = nodes;
    }

    public BulkNode[] nodes() {
        return nodes;
    }
}
