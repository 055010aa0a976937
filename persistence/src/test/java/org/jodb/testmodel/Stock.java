package org.jodb.testmodel;

import org.jodb.MergesConflicts;
import org.jodb.Persistent;

/**
 * A stock level of one item that merges concurrent changes of the quantity, but refuses a merge
 * that would oversell (a negative quantity) or that meets a concurrent change of the item, which it
 * tells by identity: the merge's states must resolve their references to the connection's instances.
 */
@Persistent
public class Stock implements MergesConflicts<Stock> {
    private Object item;
    private long quantity;

    public Stock(Object item, long quantity) {
        this.item = item;
        this.quantity = quantity;
    }

    public Object item() {
        return item;
    }

    public void setItem(Object item) {
        this.item = item;
    }

    public long quantity() {
        return quantity;
    }

    /** Takes {@code amount} out of stock. */
    public void take(long amount) {
        quantity -= amount;
    }

    @Override
    public boolean mergeConflict(Stock old, Stock committed) {
        if (committed.item != item || old.item != item) {
            return false; // the item changed on one side: the quantities no longer count the same thing
        }
        long merged = committed.quantity + (quantity - old.quantity);
        if (merged < 0) {
            return false; // both sides sold the last units
        }
        quantity = merged;
        return true;
    }
}
