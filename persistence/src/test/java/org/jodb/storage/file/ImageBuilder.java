package org.jodb.storage.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Builds from an {@link IoLog} the disk images a power cut could leave: at a cut after operation i,
 * everything up to the last force before it is on the disk, plus any subset of the operations issued
 * since (applied in issue order: a page cache writes back a sector's latest content), where a
 * surviving write may be torn, i.e. only some of its 512-byte sectors reached the disk (a torn write
 * that grows the file grows it, the missing sectors read as zeros).
 *
 * <p><b>The name.</b> A workload that creates its file writes it before it has the storage file's
 * name; a {@link IoKind#PUBLISH} gives it the name, durable at the next
 * {@link IoKind#FORCE_DIRECTORY}. Before the publish every image is "no file" ({@link DiskImage#file}
 * null: what the new file held is under another name, which no open reads); from the publish to the
 * directory force, "no file" is one more image at each cut point besides those of the file.
 *
 * <p>A cut point follows every write, truncate and publish. At each, the images are: all unforced operations
 * lost; all kept; only the newest kept; the newest torn (its first half, its second half, a random
 * part of its sectors) with the others kept; and {@code randomPerCut} random subsets, each survivor
 * torn with probability 1/4. Duplicates within a cut point are skipped. Random choices come from
 * {@code seed} and the cut point, so a failure reproduces.
 */
final class ImageBuilder {
    private final IoLog log;
    private final long seed;
    private final int randomPerCut;

    ImageBuilder(IoLog log, long seed, int randomPerCut) {
        this.log = log;
        this.seed = seed;
        this.randomPerCut = randomPerCut;
    }

    /** Passes every image to {@code sink}; returns the number of cut points. */
    int forEachImage(Consumer<DiskImage> sink) {
        List<IoOp> ops = log.ops();
        boolean named = log.initial() != null;
        MemoryFile durable = named ? log.initial() : new MemoryFile();
        boolean publishing = false;
        sink.accept(named ? image(durable, List.of(), new BitSet[0], 0) : noFile(0));
        int cutPoints = 1;
        int unforcedFrom = 0;
        for (int i = 0; i < ops.size(); i++) {
            IoKind kind = ops.get(i).kind();
            if (kind == IoKind.FORCE) {
                List<IoOp> synced = ops.subList(unforcedFrom, i);
                durable = apply(durable, synced, whole(synced));
                unforcedFrom = i + 1;
                continue;
            }
            if (kind == IoKind.FORCE_DIRECTORY) {
                named |= publishing;
                publishing = false;
                continue;
            }
            publishing |= kind == IoKind.PUBLISH;
            cutPoints++;
            if (!named) {
                sink.accept(noFile(i + 1));
            }
            if (named || publishing) {
                cutAfter(i + 1, durable, ops.subList(unforcedFrom, i + 1), sink);
            }
        }
        return cutPoints;
    }

    /** The image of a cut that left no file under the name. */
    private DiskImage noFile(int issued) {
        String description = "cut after " + issued + " operations"
                + (issued == 0 ? "" : " (the last: " + log.ops().get(issued - 1) + ")")
                + ", no file under the name";
        return new DiskImage(null, issued, description, false, log.acknowledgedAt(issued),
                log.newestPossibleAt(issued));
    }

    private void cutAfter(int issued, MemoryFile durable, List<IoOp> unforced, Consumer<DiskImage> sink) {
        List<IoOp> data = unforced.stream().filter(op -> op.kind() == IoKind.WRITE || op.kind() == IoKind.TRUNCATE)
                .toList();
        int n = data.size();
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + issued);
        List<BitSet[]> choices = new ArrayList<>();
        choices.add(new BitSet[n]);
        if (n > 0) {
            IoOp newest = data.get(n - 1);
            choices.add(whole(data));
            BitSet[] onlyNewest = new BitSet[n];
            onlyNewest[n - 1] = all(newest);
            choices.add(onlyNewest);
            int sectors = newest.sectors();
            if (sectors > 1) {
                choices.add(tornNewest(data, range(0, sectors / 2)));
                choices.add(tornNewest(data, range(sectors / 2, sectors)));
                choices.add(tornNewest(data, randomPart(sectors, random)));
            }
            for (int r = 0; r < randomPerCut; r++) {
                BitSet[] choice = new BitSet[n];
                for (int k = 0; k < n; k++) {
                    if (random.nextBoolean()) {
                        IoOp op = data.get(k);
                        choice[k] = op.sectors() > 1 && random.nextInt(4) == 0
                                ? randomPart(op.sectors(), random) : all(op);
                    }
                }
                choices.add(choice);
            }
        }
        Set<List<BitSet>> seen = new HashSet<>();
        for (BitSet[] choice : choices) {
            if (seen.add(Arrays.asList(choice))) {
                sink.accept(image(durable, data, choice, issued));
            }
        }
    }

    private DiskImage image(MemoryFile durable, List<IoOp> unforced, BitSet[] choice, int issued) {
        boolean torn = false;
        StringBuilder survivors = new StringBuilder();
        for (int k = 0; k < choice.length; k++) {
            boolean part = choice[k] != null && choice[k].cardinality() < Math.max(1, unforced.get(k).sectors());
            torn |= part;
            survivors.append(choice[k] == null ? '-' : part ? 'T' : 'K');
        }
        String description = "cut after " + issued + " operations"
                + (issued == 0 ? "" : " (the last: " + log.ops().get(issued - 1) + ")")
                + ", unforced writes and truncates kept/torn/lost: [" + survivors + "]"
                + (torn ? " torn sectors " + describeTorn(choice, unforced) : "");
        return new DiskImage(apply(durable, unforced, choice), issued, description, torn,
                log.acknowledgedAt(issued), log.newestPossibleAt(issued));
    }

    private static String describeTorn(BitSet[] choice, List<IoOp> unforced) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < choice.length; k++) {
            if (choice[k] != null && choice[k].cardinality() < unforced.get(k).sectors()) {
                text.append(k).append(':').append(choice[k]).append(' ');
            }
        }
        return text.toString().trim();
    }

    /**
     * {@code base} plus the chosen part of each unforced write and truncate, in issue order (other
     * operations do not change the file's bytes).
     */
    private static MemoryFile apply(MemoryFile base, List<IoOp> unforced, BitSet[] choice) {
        MemoryFile image = base.copy();
        for (int k = 0; k < choice.length; k++) {
            IoOp op = unforced.get(k);
            BitSet kept = choice[k];
            if (kept == null || op.data() == null && op.kind() != IoKind.TRUNCATE) {
                continue;
            }
            if (op.kind() == IoKind.TRUNCATE) {
                if (op.position() < image.length()) {
                    image.resize(op.position());
                }
                continue;
            }
            if (image.length() < op.end()) {
                image.resize(op.end());
            }
            for (int sector = kept.nextSetBit(0); sector >= 0; sector = kept.nextSetBit(sector + 1)) {
                int from = sector * IoOp.SECTOR;
                image.write(op.position() + from, op.data(), from, Math.min(IoOp.SECTOR, op.data().length - from));
            }
        }
        return image;
    }

    private static BitSet[] whole(List<IoOp> ops) {
        BitSet[] choice = new BitSet[ops.size()];
        for (int k = 0; k < choice.length; k++) {
            choice[k] = all(ops.get(k));
        }
        return choice;
    }

    private static BitSet[] tornNewest(List<IoOp> unforced, BitSet sectors) {
        BitSet[] choice = whole(unforced);
        choice[choice.length - 1] = sectors;
        return choice;
    }

    /** Every sector of a write; a truncate counts as one sector. */
    private static BitSet all(IoOp op) {
        return range(0, Math.max(1, op.sectors()));
    }

    private static BitSet range(int from, int to) {
        BitSet set = new BitSet();
        set.set(from, to);
        return set;
    }

    /** A random proper part of {@code sectors} sectors, possibly none of them. */
    private static BitSet randomPart(int sectors, SplittableRandom random) {
        BitSet part = new BitSet();
        for (int s = 0; s < sectors; s++) {
            if (random.nextBoolean()) {
                part.set(s);
            }
        }
        if (part.cardinality() == sectors) {
            part.clear(random.nextInt(sectors));
        }
        return part;
    }
}
