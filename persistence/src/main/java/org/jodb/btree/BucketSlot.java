package org.jodb.btree;

/** One entry's place in a tree: a bucket and an index in it, valid until the tree changes. */
record BucketSlot(Bucket bucket, int index) {

    Object key() {
        return bucket.keyAt(index);
    }

    Object value() {
        return bucket.valueAt(index);
    }
}
