package org.jodb.serialization;

import org.jodb.Persistent;
import org.jodb.enhance.Enhanced;

/** Version 2 of AccountV1: fields reordered, balance widened, rate widened, count unboxed, removed dropped, two added. */
@Persistent
@Enhanced
class AccountV2 extends TestPersistentBase {
    long keep;
    int added;
    String owner;
    String addedText;
    long balance;
    double rate;
    long count;
}
