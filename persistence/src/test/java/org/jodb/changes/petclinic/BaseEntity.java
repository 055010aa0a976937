package org.jodb.changes.petclinic;

import org.jodb.Persistent;

/**
 * The pet clinic's mapped superclass, ported by adding {@code @Persistent} and nothing else:
 * every entity extends it, so every entity is persistent. No equals or hashCode, as in the
 * original: entities in hash sets are hashed by identity.
 */
@Persistent
public class BaseEntity {
    private Integer id;

    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    public boolean isNew() {
        return id == null;
    }
}
