package org.jodb.changes;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import org.jodb.changes.model.Member;
import org.jodb.changes.model.Note;

/** Reads values through without changing them. */
final class Reading {
    private Reading() {
    }

    /** Reads every element of a collection, map or array, at any depth. */
    static void touch(Object value) {
        if (value instanceof Collection<?> collection) {
            collection.forEach(Reading::touch);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                touch(key);
                touch(element);
            });
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                touch(Array.get(value, i));
            }
        } else if (value instanceof Member member) {
            member.name();
        } else if (value instanceof Note note) {
            note.text();
        }
    }
}
