package org.jodb.serialization;

/** A record stored by value; evolves into PointV2. */
record PointV1(int x, int y, String label) {}
