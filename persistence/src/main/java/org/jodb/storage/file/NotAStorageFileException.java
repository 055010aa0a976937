package org.jodb.storage.file;

import org.jodb.JodbException;

/**
 * The file is not a jodb storage file: no intact meta page carries the {@code JODB} magic. Nothing
 * was written to it.
 */
public class NotAStorageFileException extends JodbException {
    public NotAStorageFileException(String message) {
        super(message);
    }
}
