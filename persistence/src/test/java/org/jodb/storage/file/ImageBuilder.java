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
 * <p>A cut point follows every write and truncate. At each, the images are: all unforced operations
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
        MemoryFile durable = log.initial();
        sink.accept(image(durable, List.of(), new BitSet[0], 0));
        int cutPoints = 1;
        int unforcedFrom = 0;
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).kind() == IoKind.FORCE) {
                List<IoOp> synced = ops.subList(unforcedFrom, i);
                durable = apply(durable, synced, whole(synced));
                unforcedFrom = i + 1;
                continue;
            }
            cutPoints++;
            cutAfter(i + 1, durable, ops.subList(unforcedFrom, i + 1), sink);
        }
        return cutPoints;
    }

    private void cutAfter(int issued, MemoryFile durable, List<IoOp> unforced, Consumer<DiskImage> sink) {
        int n = unforced.size();
        IoOp newest = unforced.get(n - 1);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + issued);
        List<BitSet[]> choices = new ArrayList<>();
        choices.add(new BitSet[n]);
        choices.add(whole(unforced));
        BitSet[] onlyNewest = new BitSet[n];
        onlyNewest[n - 1] = all(newest);
        choices.add(onlyNewest);
        int sectors = newest.sectors();
        if (sectors > 1) {
            choices.add(tornNewest(unforced, range(0, sectors / 2)));
            choices.add(tornNewest(unforced, range(sectors / 2, sectors)));
            choices.add(tornNewest(unforced, randomPart(sectors, random)));
        }
        for (int r = 0; r < randomPerCut; r++) {
            BitSet[] choice = new BitSet[n];
            for (int k = 0; k < n; k++) {
                if (random.nextBoolean()) {
                    IoOp op = unforced.get(k);
                    choice[k] = op.sectors() > 1 && random.nextInt(4) == 0
                            ? randomPart(op.sectors(), random) : all(op);
                }
            }
            choices.add(choice);
        }
        Set<List<BitSet>> seen = new HashSet<>();
        for (BitSet[] choice : choices) {
            if (seen.add(Arrays.asList(choice))) {
                sink.accept(image(durable, unforced, choice, issued));
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
                + ", unforced operations kept/torn/lost: [" + survivors + "]"
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

    /** {@code base} plus the chosen part of each unforced operation, in issue order. */
    private static MemoryFile apply(MemoryFile base, List<IoOp> unforced, BitSet[] choice) {
        MemoryFile image = base.copy();
        for (int k = 0; k < choice.length; k++) {
            IoOp op = unforced.get(k);
            BitSet kept = choice[k];
            if (kept == null) {
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
