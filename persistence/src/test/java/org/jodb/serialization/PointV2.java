package org.jodb.serialization;

/** PointV1 with x widened, y removed and z added. */
record PointV2(String label, long x, int z) {}
