package org.jodb.enhance;

/** An interface whose code touches a persistent class's package-private field. */
interface CounterAccess {
    static int readCounter(AllKinds kinds) {
        return kinds.visibleCounter;
    }

    default void bump(AllKinds kinds) {
        kinds.visibleCounter++;
    }
}
