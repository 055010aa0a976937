package org.jodb.serialization;

import java.util.ArrayList;
import java.util.List;

/**
 * A layout as recorded in the catalog: the class name and the ordered (field name, kind) pairs of
 * the records written with it. Descriptor syntax: {@code layout:com.x.Account{owner:L,balance:J}}.
 */
final class StoredLayout {
    static final String PREFIX = "layout:";

    final String className;
    final String[] names;
    final FieldKind[] kinds;

    private StoredLayout(String className, String[] names, FieldKind[] kinds) {
        this.className = className;
        this.names = names;
        this.kinds = kinds;
    }

    static boolean isLayout(String descriptor) {
        return descriptor.startsWith(PREFIX);
    }

    /** The class name of a layout descriptor, without parsing the fields. */
    static String className(String descriptor) {
        return descriptor.substring(PREFIX.length(), descriptor.indexOf('{'));
    }

    static StoredLayout parse(String descriptor) {
        int open = descriptor.indexOf('{');
        if (!isLayout(descriptor) || open < 0 || !descriptor.endsWith("}")) {
            throw new IllegalArgumentException("not a layout descriptor: " + descriptor);
        }
        String body = descriptor.substring(open + 1, descriptor.length() - 1);
        List<String> names = new ArrayList<>();
        List<FieldKind> kinds = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String entry : body.split(",")) {
                int colon = entry.lastIndexOf(':');
                names.add(entry.substring(0, colon));
                kinds.add(FieldKind.ofCode(entry.charAt(colon + 1)));
            }
        }
        return new StoredLayout(descriptor.substring(PREFIX.length(), open),
                names.toArray(new String[0]), kinds.toArray(new FieldKind[0]));
    }
}
