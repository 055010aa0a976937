package org.jodb.enhance;

import java.util.function.LongSupplier;
import org.jodb.Persistent;

/**
 * A persistent class whose private fields are accessed by a static nested class, an inner class
 * and a lambda, all compiled to separate methods or classes that must be rewritten too.
 */
@Persistent
class Account {
    private long balance;
    private String owner;

    Account(String owner) {
        this.owner = owner;
    }

    long getBalance() {
        return balance;
    }

    LongSupplier balanceSupplier() {
        return () -> balance;
    }

    Auditor auditor() {
        return new Auditor();
    }

    /** Static nested helper: a nest-mate accessing another object's private fields. */
    static final class Ledger {
        private Ledger() {}

        static void deposit(Account account, long amount) {
            account.balance = account.balance + amount;
        }

        static String ownerOf(Account account) {
            return account.owner;
        }
    }

    /** Inner (non-static) helper; not persistent itself, it reaches its outer instance's fields. */
    final class Auditor {
        long audit() {
            return balance;
        }

        void rename(String newOwner) {
            owner = newOwner;
        }
    }
}
