package org.jodb.enhance;

import org.jodb.Persistent;

/** A top persistent class with a copy constructor that reads another point before {@code this(...)}. */
@Persistent
class Point {
    private int x;
    private int y;
    /** Written directly by the subclass, so that the field's owner in bytecode is the subclass. */
    protected String label;

    Point(int x, int y) {
        this.x = x;
        this.y = y;
    }

    Point(Point other) {
        this(other.x, other.y);
    }

    int getX() {
        return x;
    }

    int getY() {
        return y;
    }

    void setX(int x) {
        this.x = x;
    }

    void setY(int y) {
        this.y = y;
    }

    void moveBy(int dx, int dy) {
        x += dx;
        y += dy;
    }

    String getLabel() {
        return label;
    }
}
