package org.jodb.examples.bank;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Persistent;

/** A bank account: a plain class, stored transparently because it is {@code @Persistent}. */
@Persistent
public class Account {
    private final String owner;
    private long balance;
    private Customer holder;
    private static final int STATEMENT_LINES = 20;

    private List<String> statement = new ArrayList<>(); // the latest lines only

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
        record("+" + amount + " " + memo);
    }

    public void withdraw(long amount, String memo) {
        if (amount > balance) {
            throw new IllegalArgumentException(owner + " has only " + balance + ", cannot withdraw " + amount);
        }
        balance -= amount;
        record("-" + amount + " " + memo);
    }

    private void record(String line) {
        statement.add(line); // a change in place: the commit finds it, no call needed
        if (statement.size() > STATEMENT_LINES) {
            statement.remove(0);
        }
    }
}
