package org.jodb.examples.bank;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Persistent;
import org.jodb.Persistence;

/** A bank account: a plain class, stored transparently because it is {@code @Persistent}. */
@Persistent
public class Account {
    private final String owner;
    private long balance;
    private Customer holder;
    private List<String> statement = new ArrayList<>();

    public Account(String owner, Customer holder) {
        this.owner = owner;
        this.holder = holder;
    }

    public String owner() {
        return owner;
    }

    public long balance() {
        return balance;
    }

    public Customer holder() {
        return holder;
    }

    public List<String> statement() {
        return List.copyOf(statement);
    }

    public void deposit(long amount, String memo) {
        balance += amount; // a field write: the account is marked changed
        statement.add("+" + amount + " " + memo);
        // statement.add(..) alone would not be seen (it does not write a field); the balance write
        // above already marked the account, so this is for illustration only:
        Persistence.markChanged(this);
    }

    public void withdraw(long amount, String memo) {
        if (amount > balance) {
            throw new IllegalArgumentException(owner + " has only " + balance + ", cannot withdraw " + amount);
        }
        balance -= amount;
        statement.add("-" + amount + " " + memo);
    }
}
