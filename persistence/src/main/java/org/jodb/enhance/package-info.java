/**
 * Enhancement: the Byte Buddy transformation that makes {@code @Persistent} classes fulfil
 * {@link org.jodb.cache.PersistentObject}, at build time (byte-buddy-maven-plugin) or at load time
 * (a Java agent). Every read of a persistent field is preceded by {@code $jodbBeforeRead()},
 * every write by {@code $jodbBeforeWrite()}, in plain classes too.
 *
 * <p><b>Key types.</b> {@link org.jodb.enhance.PersistentPlugin} (the transformation; named in
 * users' {@code pom.xml}), {@link org.jodb.enhance.EnhancementAgent} (the {@code Premain-Class}
 * of the persistence jar), {@link org.jodb.enhance.Enhanced} (marks a transformed class). The
 * package-private classes do the work: {@code StateMembers} adds the state fields and accessors to
 * the top persistent class, {@code StateCheck} writes the two hooks, {@code FieldAccessRewriter} and
 * {@code FieldAccessMethodVisitor} insert the hook calls, {@code PersistentClassValidator} rejects
 * classes that cannot work.
 *
 * <p><b>Public for other jodb packages only:</b> {@link org.jodb.enhance.Enhancement}, the runtime
 * check that a persistent class was enhanced (used by {@code org.jodb.serialization} and
 * {@code org.jodb.collections}). {@link org.jodb.enhance.Enhanced} is public because enhanced
 * classes carry it; application code does not use it.
 */
package org.jodb.enhance;
