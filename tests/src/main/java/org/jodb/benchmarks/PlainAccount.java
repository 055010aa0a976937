package org.jodb.benchmarks;

/** The same class as {@link BenchAccount}, without {@code @Persistent}: the baseline. */
public class PlainAccount {
    private long balance;
    private String owner;

    public PlainAccount(String owner, long balance) {
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
