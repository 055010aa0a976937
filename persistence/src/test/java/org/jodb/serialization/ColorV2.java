package org.jodb.serialization;

/** ColorV1 with its constants reordered and one added. */
enum ColorV2 { PURPLE, BLUE, GREEN, RED }
