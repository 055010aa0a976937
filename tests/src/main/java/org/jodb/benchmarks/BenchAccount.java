package org.jodb.benchmarks;

import org.jodb.Persistent;

/** The persistent subject of the benchmarks; {@link PlainAccount} is its plain twin. */
@Persistent
public class BenchAccount {
    private long balance;
    private String owner;

    public BenchAccount(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }

    public long balance() {
        return balance;
    }

    public String owner() {
        return owner;
    }

    public void deposit(long amount) {
        balance += amount;
    }
}
