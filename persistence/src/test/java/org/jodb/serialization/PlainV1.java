package org.jodb.serialization;

/** A plain (non-persistent) class stored inside its owner's record; evolves into PlainV2. */
class PlainV1 {
    int a;
    String b;
    int gone;
}
