package org.jodb;

import org.jodb.storage.ForwardingStorage;
import org.jodb.storage.Storage;

/** Lets several databases in one test share a storage: closing a database leaves it open. */
final class SharedStorage extends ForwardingStorage {

    SharedStorage(Storage storage) {
        super(storage);
    }

    @Override
    public void close() {
    }
}
