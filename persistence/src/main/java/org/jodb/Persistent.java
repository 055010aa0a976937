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
 * <p>Mutating a plain collection held in a field ({@code items.add(x)}) does not write the
 * field, so it is not seen: assign the field again or call
 * {@link org.jodb.cache.PersistentObject#markChanged()} (or {@link Persistence#markChanged}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Persistent {
    /**
     * Whether changes inside this class's records (collections, arrays, plain nested objects) are
     * detected at commit; {@code false} keeps the ZODB behaviour for this class and its subclasses.
     */
    boolean detectChanges() default true;
}
