package org.jodb.cli;

/** The little JSON the command writes ({@code --json}): string literals; numbers print as they are. */
final class Json {
    private Json() {
    }

    /** {@code text} as a JSON string literal, quoted and escaped. */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
