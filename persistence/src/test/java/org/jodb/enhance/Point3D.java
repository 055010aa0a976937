package org.jodb.enhance;

/** A persistent subclass: persistent by inheritance of {@code @Persistent}. */
class Point3D extends Point {
    private int z;

    Point3D(int x, int y, int z) {
        super(x, y);
        this.z = z;
    }

    int getZ() {
        return z;
    }

    void setZ(int z) {
        this.z = z;
    }

    void relabel(String text) {
        label = text;
    }

    String describe() {
        return label + "@" + z;
    }
}
