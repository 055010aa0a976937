package org.jodb.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jodb.Persistent;

/**
 * A persistent object whose record holds a plain field and one mutable value of 10 elements: a
 * {@code List<Integer>}, a {@code Map<String, Integer>} or an {@code int[]}, as its constructor is
 * told; the other two fields are null.
 */
@Persistent
public class BenchItem {
    /** Which mutable value a {@link BenchItem} holds. */
    public enum Holding { LIST, MAP, ARRAY }

    private int value;
    private List<Integer> numbers;
    private Map<String, Integer> counts;
    private int[] scores;

    public BenchItem(int value) {
        this(value, Holding.LIST);
    }

    public BenchItem(int value, Holding holding) {
        this.value = value;
        switch (holding) {
            case LIST:
                numbers = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    numbers.add(value + i);
                }
                break;
            case MAP:
                counts = new HashMap<>();
                for (int i = 0; i < 10; i++) {
                    counts.put("k" + i, value + i);
                }
                break;
            default:
                scores = new int[10];
                for (int i = 0; i < 10; i++) {
                    scores[i] = value + i;
                }
        }
    }

    public int value() {
        return value;
    }

    /** The list of numbers, or null if this item holds a map or an array. */
    public List<Integer> numbers() {
        return numbers;
    }

    /** The number of elements of the mutable value it holds (a read of that value). */
    public int size() {
        return numbers != null ? numbers.size() : counts != null ? counts.size() : scores.length;
    }

    public void increment() {
        value++;
    }
}
