package org.jodb.enhance;

import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;

/** Placeholder: the enhancer is being written. Matches nothing. */
public class PersistentPlugin implements Plugin {
    @Override
    public boolean matches(TypeDescription target) {
        return false;
    }

    @Override
    public DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription typeDescription,
                                        ClassFileLocator classFileLocator) {
        return builder;
    }

    @Override
    public void close() {
    }
}
