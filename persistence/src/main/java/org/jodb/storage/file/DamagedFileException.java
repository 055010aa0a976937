package org.jodb.storage.file;

import org.jodb.JodbException;

/**
 * The storage file is damaged: shorter than its newest meta page says (truncated), both meta pages
 * fail their checksums, or a page fails its checks ({@link CorruptPageException}). The storage never
 * reads data from what is damaged, and wrote nothing; only a copy restores the file.
 */
public class DamagedFileException extends JodbException {
    public DamagedFileException(String message) {
        super(message);
    }
}
