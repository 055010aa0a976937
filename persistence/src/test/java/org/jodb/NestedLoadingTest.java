package org.jodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jodb.testmodel.Holder;
import org.jodb.testmodel.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decoding one record may load others: a persistent object used as a hash key is hashed while its
 * map is decoded, and hashing reads its fields, which loads it in the middle of the outer load.
 */
class NestedLoadingTest {
    private final Database db = Database.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void persistentObjectsUsedAsHashKeysLoadWhileTheirMapIsDecoded() {
        db.transact(c -> {
            Map<Tag, Integer> counts = new HashMap<>();
            Set<Tag> tags = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                Tag tag = new Tag("tag-" + i);
                counts.put(tag, i);
                tags.add(tag);
            }
            c.root().put("counts", new Holder(counts));
            c.root().put("tags", new Holder(tags));
        });

        try (Connection writer = db.open(); Connection c = db.open()) { // c starts with a cold cache
            @SuppressWarnings("unchecked")
            Map<Tag, Integer> counts = (Map<Tag, Integer>) ((Holder) c.root().get("counts")).value();
            assertEquals(50, counts.size());
            assertEquals(7, counts.get(new Tag("tag-7")));
            @SuppressWarnings("unchecked")
            Set<Tag> tags = (Set<Tag>) ((Holder) c.root().get("tags")).value();
            assertEquals(50, tags.size());
            for (Tag tag : tags) {
                assertEquals(counts.get(tag), Integer.valueOf(tag.label().substring(4)));
            }
        }
    }
}
