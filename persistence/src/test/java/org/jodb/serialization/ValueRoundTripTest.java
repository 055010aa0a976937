package org.jodb.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.*;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Every kind of value that is stored inside its owner's record comes back equal and of the same class. */
class ValueRoundTripTest {
    private final CodecFixture fixture = new CodecFixture();

    private Object roundTrip(Object value) {
        Holder copy = fixture.roundTrip(new Holder(value));
        if (value != null) {
            assertEquals(value.getClass(), copy.value.getClass(), "class of " + value);
        }
        return copy.value;
    }

    private void assertRoundTrip(Object value) {
        assertEquals(value, roundTrip(value));
    }

    @Test
    void primitiveFieldsAndStringsRoundTrip() {
        Holder h = new Holder();
        h.z = true; h.b = -7; h.c = 'é'; h.s = -300; h.i = Integer.MIN_VALUE; h.j = Long.MAX_VALUE;
        h.f = 1.5f; h.d = -Math.PI; h.name = "naïve ☃";
        Holder copy = fixture.roundTrip(h);
        assertEquals(true, copy.z); assertEquals(-7, copy.b); assertEquals('é', copy.c);
        assertEquals(-300, copy.s); assertEquals(Integer.MIN_VALUE, copy.i); assertEquals(Long.MAX_VALUE, copy.j);
        assertEquals(1.5f, copy.f); assertEquals(-Math.PI, copy.d); assertEquals("naïve ☃", copy.name);
    }

    @Test
    void transientFieldsAreNotStored() {
        Holder h = new Holder();
        h.scratch = "temp";
        assertEquals(null, fixture.roundTrip(h).scratch);
    }

    @Test
    void boxedValuesAndNullRoundTrip() {
        for (Object v : List.of(true, (byte) 1, 'x', (short) 2, 3, 4L, 5f, 6d, "s")) {
            assertRoundTrip(v);
        }
        assertEquals(null, roundTrip(null));
    }

    @Test
    void aTimestampKeepsItsNanoseconds() {
        java.sql.Timestamp timestamp = new java.sql.Timestamp(1_700_000_000_123L);
        timestamp.setNanos(123_456_789);
        assertRoundTrip(timestamp);
        assertEquals(123_456_789, ((java.sql.Timestamp) roundTrip(timestamp)).getNanos());
    }

    @Test
    void arraysRoundTrip() {
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) roundTrip(new int[] {1, 2, 3}));
        assertArrayEquals(new long[] {4}, (long[]) roundTrip(new long[] {4}));
        assertArrayEquals(new byte[] {5, 6}, (byte[]) roundTrip(new byte[] {5, 6}));
        assertArrayEquals(new double[] {0.5}, (double[]) roundTrip(new double[] {0.5}));
        assertArrayEquals(new boolean[] {true}, (boolean[]) roundTrip(new boolean[] {true}));
        assertArrayEquals(new char[] {'a'}, (char[]) roundTrip(new char[] {'a'}));
        assertArrayEquals(new String[] {"a", null}, (String[]) roundTrip(new String[] {"a", null}));
        assertArrayEquals(new Object[] {1, "two", List.of(3)}, (Object[]) roundTrip(new Object[] {1, "two", List.of(3)}));
        int[][] grid = {{1}, {2, 3}};
        assertArrayEquals(grid, (int[][]) roundTrip(grid));
        assertArrayEquals(new ColorV1[] {ColorV1.BLUE}, (ColorV1[]) roundTrip(new ColorV1[] {ColorV1.BLUE}));
    }

    @Test
    void enumsRoundTripIncludingConstantsWithBodies() {
        assertSame(ColorV1.GREEN, roundTrip(ColorV1.GREEN));
        assertSame(Mood.SAD, fixture.roundTrip(new Holder(Mood.SAD)).value);
        assertEquals(List.of(Mood.HAPPY, Mood.SAD), roundTrip(new ArrayList<>(List.of(Mood.HAPPY, Mood.SAD))));
        assertRoundTrip(EnumSet.of(ColorV1.RED, ColorV1.BLUE));
        assertRoundTrip(EnumSet.noneOf(ColorV1.class));
        assertEquals(EnumSet.of(Mood.SAD), fixture.roundTrip(new Holder(EnumSet.of(Mood.SAD))).value);
        EnumMap<ColorV1, String> map = new EnumMap<>(ColorV1.class);
        map.put(ColorV1.BLUE, "b");
        assertRoundTrip(map);
        EnumMap<ColorV1, String> empty = new EnumMap<>(ColorV1.class);
        @SuppressWarnings("unchecked")
        EnumMap<ColorV1, String> emptyCopy = (EnumMap<ColorV1, String>) roundTrip(empty);
        emptyCopy.put(ColorV1.RED, "typed by its key class");
        assertEquals(1, emptyCopy.size());
        assertThrows(ClassCastException.class, () -> ((Map) emptyCopy).put(Mood.SAD, "x"));
    }

    @Test
    void recordsAndPlainObjectsRoundTrip() {
        assertRoundTrip(new PointV1(1, -2, "p"));
        PlainV1 plain = new PlainV1();
        plain.a = 42;
        plain.b = "bee";
        PlainV1 copy = (PlainV1) roundTrip(plain);
        assertEquals(42, copy.a);
        assertEquals("bee", copy.b);
    }

    @Test
    void javaUtilCollectionsRoundTrip() {
        assertRoundTrip(new ArrayList<>(List.of(1, 2)));
        assertRoundTrip(new LinkedList<>(List.of("a", "b")));
        assertRoundTrip(new HashMap<>(Map.of("k", 1)));
        assertRoundTrip(new LinkedHashMap<>(Map.of("k", 1)));
        assertRoundTrip(new HashSet<>(Set.of(1, 2)));
        assertRoundTrip(new LinkedHashSet<>(List.of(3, 1, 2)));
        assertRoundTrip(new ConcurrentHashMap<>(Map.of("a", List.of(1))));
        assertRoundTrip(new PriorityQueue<>(List.of(3, 1)).size() == 2 ? new TreeSet<>(List.of(3, 1)) : null);
        ArrayDeque<String> deque = new ArrayDeque<>(List.of("x", "y"));
        assertEquals(List.copyOf(deque), List.copyOf((ArrayDeque<?>) roundTrip(deque)));
    }

    @Test
    void sortedCollectionsKeepTheirComparator() {
        TreeMap<String, Integer> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.put("a", 1);
        reversed.put("b", 2);
        @SuppressWarnings("unchecked")
        TreeMap<String, Integer> copy = (TreeMap<String, Integer>) roundTrip(reversed);
        assertEquals(List.of("b", "a"), List.copyOf(copy.keySet()));
        TreeSet<String> caseless = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        caseless.addAll(List.of("b", "A"));
        @SuppressWarnings("unchecked")
        TreeSet<String> caselessCopy = (TreeSet<String>) roundTrip(caseless);
        assertEquals(List.of("A", "b"), List.copyOf(caselessCopy));
        assertEquals(true, caselessCopy.contains("a"));
    }

    @Test
    void immutableAndWrappedCollectionsRoundTrip() {
        assertRoundTrip(List.of(1, 2, 3));
        assertRoundTrip(List.of());
        assertRoundTrip(Set.of("a"));
        assertRoundTrip(Map.of("a", 1, "b", 2));
        assertRoundTrip(Collections.emptyList());
        assertRoundTrip(Collections.emptySet());
        assertRoundTrip(Collections.emptyMap());
        assertRoundTrip(Collections.emptyNavigableSet());
        assertRoundTrip(Collections.emptySortedMap());
        assertRoundTrip(Collections.singletonList("one"));
        assertRoundTrip(Collections.singleton("one"));
        assertRoundTrip(Collections.singletonMap("k", "v"));
        assertRoundTrip(Arrays.asList("x", "y"));
        assertRoundTrip(Collections.unmodifiableList(new ArrayList<>(List.of(1, 2))));
        assertRoundTrip(Collections.unmodifiableList(new LinkedList<>(List.of(1, 2))));
        assertRoundTrip(Collections.unmodifiableSet(new HashSet<>(Set.of(1, 2))));
        assertRoundTrip(Collections.unmodifiableMap(new HashMap<>(Map.of(1, 2))));
        assertRoundTrip(Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(1, 2))));
        assertRoundTrip(Collections.unmodifiableNavigableMap(new TreeMap<>(Map.of(1, 2))));
        assertEquals(List.of(1, 2), List.copyOf((Collection<?>) roundTrip(Collections.unmodifiableCollection(List.of(1, 2)))));
        assertRoundTrip(Collections.synchronizedList(new ArrayList<>(List.of(1, 2))));
        assertRoundTrip(Collections.synchronizedSet(new HashSet<>(Set.of(1))));
        assertRoundTrip(Collections.synchronizedMap(new HashMap<>(Map.of(1, 2))));
        assertRoundTrip(Collections.synchronizedSortedMap(new TreeMap<>(Map.of(1, 2))));
    }

    @Test
    void javaTimeAndOtherValueTypesRoundTrip() {
        for (Object v : List.of(Instant.ofEpochSecond(12, 34), LocalDate.of(2024, 2, 29), LocalTime.NOON,
                LocalDateTime.of(2020, 1, 1, 1, 1), ZonedDateTime.of(2020, 1, 1, 1, 1, 1, 1, ZoneId.of("Europe/Paris")),
                OffsetDateTime.of(2020, 1, 1, 1, 1, 1, 1, ZoneOffset.ofHours(2)), Duration.ofMillis(1500),
                Period.ofDays(3), Year.of(1999), YearMonth.of(2000, 2), MonthDay.of(12, 24), ZoneId.of("UTC"),
                DayOfWeek.MONDAY, Month.MAY, UUID.randomUUID(), new BigDecimal("123.4500"),
                new BigInteger("123456789012345678901234567890"), Optional.of("x"), Optional.empty())) {
            assertRoundTrip(v);
        }
    }
}
