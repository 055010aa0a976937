/**
 * The README's demo ({@code mvn -q -B -Pdemo -DskipTests verify}): a small bank in an embedded
 * database file. {@link org.jodb.examples.bank.BankDemo} is the program;
 * {@link org.jodb.examples.bank.Account} and {@link org.jodb.examples.bank.Customer} are plain
 * {@code @Persistent} classes. Everything here is example code, nothing is used by jodb.
 */
package org.jodb.examples.bank;
