package org.jodb.changes.model;

import java.sql.Timestamp;
import java.util.BitSet;
import java.util.Date;
import org.jodb.Persistent;

/** Mutable JDK value classes held in fields: each can change without a field write. */
@Persistent
public class JdkValues {
    private final Date date = new Date(0);
    private final Timestamp timestamp = new Timestamp(0);
    private final StringBuilder text = new StringBuilder("a");
    private final BitSet bits = new BitSet();

    public Date date() {
        return date;
    }

    public Timestamp timestamp() {
        return timestamp;
    }

    public StringBuilder text() {
        return text;
    }

    public BitSet bits() {
        return bits;
    }
}
