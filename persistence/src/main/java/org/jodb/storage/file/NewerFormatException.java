package org.jodb.storage.file;

import org.jodb.JodbException;

/**
 * The storage file was written in a format version newer than this jodb reads
 * ({@code MetaPage.FORMAT_VERSION}); a newer jodb opens it. Nothing was written to it.
 */
public class NewerFormatException extends JodbException {
    private final int formatVersion;

    public NewerFormatException(String message, int formatVersion) {
        super(message);
        this.formatVersion = formatVersion;
    }

    /** The file's format version. */
    public int formatVersion() {
        return formatVersion;
    }
}
