package org.jodb.enhance;

import org.jodb.Persistent;

/** A persistent counter whose field another class writes inside its {@code super(...)} arguments. */
@Persistent
class TicketCounter {
    int issued;
}
