package org.jodb.serialization;

/** An enum whose constants are reordered in ColorV2. */
enum ColorV1 { RED, GREEN, BLUE }
