package org.jodb.enhance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Added by the enhancer to every class it has transformed, so that a class is never transformed
 * twice (incremental builds, the agent over build-time enhanced classes) and so that the runtime
 * can tell an enhanced persistent class from one that missed enhancement. Not for application use.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Enhanced {
}
