package org.jodb.testmodel;

import org.jodb.Persistent;

@Persistent
public class Account {
    private String owner;
    private long balance;
    private long transfersIn;
    private Account referrer;

    public Account(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }

    public String owner() {
        return owner;
    }

    public long balance() {
        return balance;
    }

    public long transfersIn() {
        return transfersIn;
    }

    public Account referrer() {
        return referrer;
    }

    public void setReferrer(Account referrer) {
        this.referrer = referrer;
    }

    public void deposit(long amount) {
        balance += amount;
        transfersIn++;
    }

    public void withdraw(long amount) {
        balance -= amount;
    }
}
