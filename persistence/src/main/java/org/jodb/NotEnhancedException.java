package org.jodb;

/** A {@code @Persistent} class is used without having been enhanced. */
public class NotEnhancedException extends JodbException {
    public NotEnhancedException(Class<?> type) {
        super("class " + type.getName() + " is annotated @Persistent but was not enhanced. Enable "
                + "enhancement at build time (byte-buddy-maven-plugin with the transformation "
                + "org.jodb.enhance.PersistentPlugin, see the README) or at load time "
                + "(java -javaagent:jodb-persistence.jar ...)");
    }
}
