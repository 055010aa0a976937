package org.jodb.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Persistent;

/** A persistent object whose record holds a mutable value: a plain field and a list of 10 numbers. */
@Persistent
public class BenchItem {
    private int value;
    private final List<Integer> numbers = new ArrayList<>();

    public BenchItem(int value) {
        this.value = value;
        for (int i = 0; i < 10; i++) {
            numbers.add(value + i);
        }
    }

    public int value() {
        return value;
    }

    public List<Integer> numbers() {
        return numbers;
    }

    public void increment() {
        value++;
    }
}
