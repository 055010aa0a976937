package org.jodb.serialization;

import org.jodb.Persistent;
import org.jodb.enhance.Enhanced;

/** An impossible change from AccountV1: balance narrowed from int to short. */
@Persistent
@Enhanced
class AccountV3 extends TestPersistentBase {
    short balance;
}
