package org.jodb.enhance;

/** Writes another persistent object's field inside its {@code super(...)} arguments. */
class Ticket extends Numbered {
    Ticket(TicketCounter counter) {
        super(counter.issued++);
    }
}
