package org.jodb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose instances are stored transparently by jodb.
 *
 * <p>The class must be enhanced, at build time by the byte-buddy-maven-plugin with
 * {@code org.jodb.enhance.PersistentPlugin}, or at load time by starting the JVM with
 * {@code -javaagent:jodb-persistence.jar}. After enhancement, reading a field of a ghost loads
 * the object first and writing a field marks it changed.
 *
 * <p>Stored: every non-static, non-transient field declared in a persistent class of the
 * hierarchy. Transient fields are neither stored nor intercepted (like ZODB's {@code _v_}
 * attributes). The annotation is inherited, so subclasses are persistent too. A persistent
 * class may extend a plain class only if that class declares no non-transient instance fields.
 *
 * <p>Changes made in place ({@code items.add(x)}, {@code values[i] = x}) write no field; a loaded
 * {@code ArrayList}, {@code HashMap} or {@code HashSet} reports them itself, other changes are
 * found at commit by comparison ({@link #detectChanges()}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Persistent {

    /**
     * Whether a commit looks for changes made in place, without a field write, to this class's
     * objects (elements of collections, maps and arrays held in fields, fields of plain nested
     * objects): the {@code ArrayList}, {@code HashMap} and {@code HashSet} values of a loaded object
     * are tracked versions that mark it changed, and each other such object used in a transaction
     * is compared at commit with its state when it was loaded (see
     * {@code DatabaseOptions.withChangeDetection}). {@code false} leaves only field writes and
     * {@code markChanged()} as changes, as in ZODB, loads plain collections and saves the comparison. Inherited
     * by subclasses that do not say otherwise.
     */
    boolean detectChanges() default true;
}
