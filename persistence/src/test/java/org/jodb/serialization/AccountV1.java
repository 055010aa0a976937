package org.jodb.serialization;

import org.jodb.Persistent;
import org.jodb.enhance.Enhanced;

/** Version 1 of a persistent class, for schema evolution tests (see AccountV2). */
@Persistent
@Enhanced
class AccountV1 extends TestPersistentBase {
    String owner;
    int balance;
    String removed;
    long keep;
    float rate;
    Integer count;
}
