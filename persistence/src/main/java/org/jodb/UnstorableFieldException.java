package org.jodb;

/**
 * A field's value cannot be stored (for example a thread, a stream, a lambda or an object of
 * another connection). The commit that met it wrote nothing.
 */
public class UnstorableFieldException extends JodbException {
    private final String className;
    private final String fieldName;

    public UnstorableFieldException(String className, String fieldName, String reason, Throwable cause) {
        super("cannot store field " + className + "." + fieldName + ": " + reason, cause);
        this.className = className;
        this.fieldName = fieldName;
    }

    /** The class declaring the field. */
    public String className() {
        return className;
    }

    /** The field's name. */
    public String fieldName() {
        return fieldName;
    }
}
