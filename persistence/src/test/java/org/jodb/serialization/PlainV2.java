package org.jodb.serialization;

/** PlainV1 with a reordered and widened, gone removed and c added. */
class PlainV2 {
    String b;
    long a;
    int c;
}
