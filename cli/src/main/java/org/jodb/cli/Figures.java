package org.jodb.cli;

import java.time.Instant;
import java.util.Locale;
import org.jodb.storage.Record;

/** How the command prints numbers, sizes, oids and times: the same way in every subcommand. */
final class Figures {
    private Figures() {
    }

    /** A count with thousands separators: {@code 1,234,567}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Bytes as a count and, from 10 KiB on, in binary units: {@code 1,048,576 bytes (1.0 MiB)}. */
    static String bytes(long n) {
        if (n < 10 * 1024) {
            return count(n) + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return count(n) + " bytes (" + String.format(Locale.ROOT, "%.1f", value) + " " + units[unit] + ")";
    }

    /** An oid as jodb's messages print it ({@link Record#hex}). */
    static String oid(long oid) {
        return Record.hex(oid);
    }

    /** A commit time, or "unknown" where the file does not record it. */
    static String time(Instant instant) {
        return instant == null ? "unknown" : instant.toString();
    }

    /** {@code before -> after}, for the figures of gc and compact. */
    static String change(String before, String after) {
        return before.equals(after) ? before + " (unchanged)" : before + " -> " + after;
    }
}
