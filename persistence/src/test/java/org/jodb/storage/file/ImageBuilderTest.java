package org.jodb.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The power-cut model on a log small enough to list what may survive: forced bytes always do,
 * unforced writes survive whole, in part (whole sectors) or not at all, and nothing not yet issued
 * ever does; a created file has its name only from its publish on, surely only from the directory
 * force on.
 */
class ImageBuilderTest {
    private static final int PAGE = 1024;

    private static byte[] filled(int value) {
        byte[] bytes = new byte[PAGE];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /**
     * An existing empty file: 1s at page 0, forced; then 2s over page 0, 3s at page 1 (growing the
     * file), a truncate to 1 page.
     */
    private static IoLog log() {
        List<IoOp> ops = List.of(IoOp.write(0, filled(1)), IoOp.force(), IoOp.write(0, filled(2)),
                IoOp.write(PAGE, filled(3)), IoOp.truncate(PAGE));
        return new IoLog(new MemoryFile(), ops, List.of(new Acknowledgement(2, 1)));
    }

    /** The value of each sector of an image, 0 for zeros (a torn write's missing part). */
    private static String sectors(DiskImage image) {
        MemoryFile file = image.file();
        StringBuilder text = new StringBuilder();
        for (int offset = 0; offset < file.length(); offset += IoOp.SECTOR) {
            ByteBuffer sector = ByteBuffer.allocate(IoOp.SECTOR);
            file.read(sector, offset);
            text.append(sector.get(0));
        }
        return text.toString();
    }

    /**
     * A file created: 1s at page 0, forced, published; 2s at page 1; the directory forced, and the
     * open that created it returned (revision 0); 3s at page 1.
     */
    private static IoLog creationLog() {
        List<IoOp> ops = List.of(IoOp.write(0, filled(1)), IoOp.force(), IoOp.publish(), IoOp.write(PAGE, filled(2)),
                IoOp.forceDirectory(), IoOp.write(PAGE, filled(3)));
        return new IoLog(null, ops, List.of(new Acknowledgement(5, 0)));
    }

    /** What has the name in each image: "none", or the sectors of the file. */
    private static Set<String> names(IoLog log, int issued) {
        Set<String> contents = new HashSet<>();
        images(log, issued).forEach(image -> contents.add(image.file() == null ? "none" : sectors(image)));
        return contents;
    }

    private static List<DiskImage> images(int issued) {
        return images(log(), issued);
    }

    private static List<DiskImage> images(IoLog log, int issued) {
        List<DiskImage> images = new ArrayList<>();
        new ImageBuilder(log, 7, 20).forEachImage(image -> {
            if (image.issuedOps() == issued) {
                images.add(image);
            }
        });
        return images;
    }

    @Test
    void aCutPointFollowsEveryWriteAndTruncate() {
        assertEquals(1 + 4, new ImageBuilder(log(), 7, 0).forEachImage(image -> { }));
    }

    @Test
    void beforeTheForceTheFirstWriteMaySurviveWholeTornOrNotAtAll() {
        Set<String> contents = new HashSet<>();
        images(1).forEach(image -> contents.add(sectors(image)));
        assertEquals(Set.of("", "11", "10", "01"), contents);
        images(1).forEach(image -> assertEquals(-1, image.acknowledged()));
    }

    @Test
    void afterTheForceItsBytesSurviveAndLaterOnesMayNot() {
        Set<String> contents = new HashSet<>();
        for (DiskImage image : images(4)) {
            contents.add(sectors(image));
            assertEquals(1, image.acknowledged());
            assertTrue(image.description().contains("write of 1024 bytes at 1024"), image.description());
        }
        // none, all, only the newest, the newest torn (first half, second half)
        assertTrue(contents.containsAll(Set.of("11", "2233", "1133", "2230", "2203")), contents::toString);
        for (String content : contents) {
            assertTrue(content.matches("[12]{2}([03]{2})?"), () -> "impossible image " + content);
        }
    }

    @Test
    void aTruncateMaySurviveOrNot() {
        Set<String> contents = new HashSet<>();
        images(5).forEach(image -> contents.add(sectors(image)));
        assertTrue(contents.containsAll(Set.of("11", "22")), contents::toString);
        assertTrue(contents.stream().allMatch(content -> content.matches("[12]{2}([03]{2})?")), contents::toString);
    }

    @Test
    void aCutPointAlsoFollowsThePublish() {
        assertEquals(1 + 4, new ImageBuilder(creationLog(), 7, 0).forEachImage(image -> { }));
    }

    @Test
    void beforeThePublishNoFileHasTheName() {
        assertEquals(Set.of("none"), names(creationLog(), 0));
        assertEquals(Set.of("none"), names(creationLog(), 1));
    }

    @Test
    void fromThePublishToTheDirectoryForceTheNameMayBeLost() {
        assertEquals(Set.of("none", "11"), names(creationLog(), 3));
        Set<String> contents = names(creationLog(), 4);
        assertTrue(contents.containsAll(Set.of("none", "11", "1122", "1120", "1102")), contents::toString);
        images(creationLog(), 4).forEach(image -> assertEquals(-1, image.acknowledged()));
    }

    @Test
    void afterTheDirectoryForceTheNameStays() {
        Set<String> contents = names(creationLog(), 6);
        assertTrue(contents.containsAll(Set.of("11", "1133")), contents::toString);
        assertTrue(contents.stream().allMatch(content -> content.matches("11[0-3]*")), contents::toString);
    }
}
