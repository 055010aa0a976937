package org.jodb.enhance;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Persistent;

/** Fields of every primitive kind, references, a transient field and a constructor calling a setter. */
@Persistent
class AllKinds {
    private boolean flag;
    private byte smallNumber;
    private short shortNumber;
    private char letter;
    private int number;
    private long bigNumber;
    private float ratio;
    private double precise;
    private String name;
    private List<String> items = new ArrayList<>();
    /** Package-private so that other classes (the tests) access it directly. */
    int visibleCounter;
    /** Neither stored nor intercepted. */
    transient int scratch;

    AllKinds(String name) {
        setName(name);
    }

    boolean isFlag() {
        return flag;
    }

    byte getSmallNumber() {
        return smallNumber;
    }

    short getShortNumber() {
        return shortNumber;
    }

    char getLetter() {
        return letter;
    }

    int getNumber() {
        return number;
    }

    long getBigNumber() {
        return bigNumber;
    }

    float getRatio() {
        return ratio;
    }

    double getPrecise() {
        return precise;
    }

    String getName() {
        return name;
    }

    List<String> getItems() {
        return items;
    }

    void setAll(boolean flag, byte smallNumber, short shortNumber, char letter, int number,
                long bigNumber, float ratio, double precise) {
        this.flag = flag;
        this.smallNumber = smallNumber;
        this.shortNumber = shortNumber;
        this.letter = letter;
        this.number = number;
        this.bigNumber = bigNumber;
        this.ratio = ratio;
        this.precise = precise;
    }

    void setName(String name) {
        this.name = name;
    }

    void setBigNumber(long bigNumber) {
        this.bigNumber = bigNumber;
    }

    void setPrecise(double precise) {
        this.precise = precise;
    }

    /** A read and a write of a wide field in one expression. */
    void addToBigNumber(long amount) {
        bigNumber += amount;
    }
}
