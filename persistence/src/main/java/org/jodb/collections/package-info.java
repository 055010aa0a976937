/**
 * Persistent collections that track their own changes: {@link org.jodb.collections.PersistentMap}
 * (insertion-ordered; the type of {@code Connection.root()}) and
 * {@link org.jodb.collections.PersistentList}; and {@link org.jodb.collections.Counter}, whose
 * concurrent changes merge instead of conflicting. Each is stored in one record, so a change rewrites
 * the whole collection: right for the root and for collections of up to a few thousand entries.
 * Their {@code put}/{@code putAll} and {@code add}/{@code set} refuse, at the call, a persistent
 * value whose class missed enhancement (the package-private {@code StoredValues}). No public type
 * here is internal.
 */
package org.jodb.collections;
