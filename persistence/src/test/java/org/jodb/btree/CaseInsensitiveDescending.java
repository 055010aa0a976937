package org.jodb.btree;

import java.util.Comparator;

/**
 * A storable comparator for tests: strings in descending order, ignoring case, so that keys that
 * differ only in case are one key (as in a {@code TreeMap} with this comparator) although
 * {@code equals} tells them apart.
 */
enum CaseInsensitiveDescending implements Comparator<String> {
    ORDER;

    @Override
    public int compare(String a, String b) {
        return String.CASE_INSENSITIVE_ORDER.compare(b, a);
    }
}
