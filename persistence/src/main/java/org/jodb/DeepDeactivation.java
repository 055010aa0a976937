package org.jodb;

/**
 * What {@link Persistence#deactivateDeep} did: how many loaded objects it turned into ghosts, and
 * how many loaded ones it found but left as they were because they are CHANGED (to be written at
 * commit; this includes an object it found changed in place) or STICKY (pinned with
 * {@link Persistence#setSticky}).
 *
 * @param ghosted     objects turned into ghosts by this call (ghosts it met are not counted)
 * @param leftChanged CHANGED objects found and left loaded
 * @param leftSticky  STICKY objects found and left loaded
 */
public record DeepDeactivation(int ghosted, int leftChanged, int leftSticky) {

    /** Objects found loaded and left so: {@code leftChanged + leftSticky}. */
    public int left() {
        return leftChanged + leftSticky;
    }
}
