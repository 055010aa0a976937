package org.jodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jodb.cli.sample.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each subcommand on a file the test makes, run in this JVM: output and exit code. */
class JodbCommandTest {
    @TempDir
    Path dir;

    private Path sample() {
        return SampleFiles.sample(dir.resolve("sample.jodb"), 5);
    }

    @Test
    void infoShowsFormatRevisionObjectsPagesAndRetainedRevisions() {
        CommandRun run = CommandRun.of("info", sample().toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("format version   3\n"), run::toString);
        assertTrue(run.out().contains("page size        4,096 bytes\n"), run::toString);
        assertTrue(run.out().matches("(?s).*revision         5, committed 20\\d\\d-.*"), run::toString);
        // the root map, five shipments and the dropped one: garbage stays until gc
        assertTrue(run.out().contains("objects          7\n"), run::toString);
        assertTrue(run.out().matches("(?s).*retained         5 \\(.*\\), 4 \\(.*\\), 3 \\(.*\\), 2 \\(.*\\), 1 \\(.*"), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void verifySaysSoundWithExitCodeZero() {
        CommandRun run = CommandRun.of("verify", sample().toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("sound: "), run::toString);
        assertTrue(run.out().contains("revision 5: 7 objects"), run::toString);
    }

    @Test
    void verifyOfAFlippedByteNamesThePageAndItsOidsWithExitCodeOne() throws Exception {
        Path file = sample();
        long page = SampleFiles.damageNewestLeaf(file);
        CommandRun run = CommandRun.of("verify", file.toString());
        assertEquals(1, run.exitCode(), run::toString);
        // The newest leaf was written by the newest commit: the open takes the previous revision
        // (as after a commit cut by a power cut before its sync), and verify says why.
        assertTrue(run.out().startsWith("DAMAGED: "), run::toString);
        assertTrue(run.out().contains("the newest meta page's revision was not opened: revision 5 is incomplete: "),
                run::toString);
        assertTrue(run.out().contains("page " + page), run::toString);
        assertTrue(run.out().contains("revision 4, opened instead, is sound: "), run::toString);
    }

    @Test
    void statsCountsObjectsAndBytesByClassWithoutTheClasses() {
        CommandRun run = CommandRun.of("stats", sample().toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().matches("(?s).*\\n +6 +[\\d,]+  org\\.jodb\\.cli\\.sample\\.Shipment\\n.*"), run::toString);
        assertTrue(run.out().matches("(?s).*\\n +1 +[\\d,]+  org\\.jodb\\.collections\\.PersistentMap\\n.*"), run::toString);
        // root -> s1 -> s2 -> ... -> s5 by next; the dropped shipment is the one unreachable
        assertTrue(run.out().contains("deepest reference chain from the root: 5 references"), run::toString);
        assertTrue(run.out().contains("unreachable from the root: 1 objects"), run::toString);
    }

    @Test
    void statsAsJson() {
        CommandRun run = CommandRun.of("stats", "--json", sample().toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("{\n"), run::toString);
        assertTrue(run.out().contains("\"objects\": 7,"), run::toString);
        assertTrue(run.out().contains("{\"class\": \"org.jodb.cli.sample.Shipment\", \"objects\": 6, \"bytes\": "),
                run::toString);
        assertTrue(run.out().contains("\"deepestChain\": {\"depth\": 5, \"oids\": [1, "), run::toString);
        assertTrue(run.out().endsWith("\"unreachable\": 1\n}\n"), run::toString);
    }

    @Test
    void dumpDecodesFieldsByTheStoredLayout() {
        CommandRun run = CommandRun.of("dump", sample().toString());
        assertEquals(0, run.exitCode(), run::toString);
        String s2 = run.oidOfRecordWith("id = \"s2\"");
        String block = run.out().substring(run.out().indexOf("oid " + s2 + " "));
        block = block.substring(0, block.indexOf("\n\n") < 0 ? block.length() : block.indexOf("\n\n"));
        assertTrue(block.startsWith("oid " + s2 + "  org.jodb.cli.sample.Shipment  serial 5  layout "), block);
        assertTrue(block.contains("\n  weight = 2\n"), block);
        assertTrue(block.contains("\n  to = org.jodb.cli.sample.Address{city=\"Lyon\", zip=69002}\n"), block);
        assertTrue(block.contains("\n  size = org.jodb.cli.sample.Dimensions{length=2, width=4}\n"), block);
        assertTrue(block.contains("\n  status = org.jodb.cli.sample.Status.SENT\n"), block);
        assertTrue(block.contains("\n  notes = [\"picked up\", \"delivered\"]\n"), block);
        assertTrue(block.matches("(?s).*\\n  next = -> 0x[0-9a-f]+ \\(org\\.jodb\\.cli\\.sample\\.Shipment\\)(\\n.*)?"), block);
    }

    @Test
    void dumpOfOneObjectAtAnOlderRevision() {
        Path file = sample();
        String s2 = CommandRun.of("dump", file.toString()).oidOfRecordWith("id = \"s2\"");
        CommandRun run = CommandRun.of("dump", file.toString(), "--oid", s2, "--revision", "3");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("oid " + s2 + "  org.jodb.cli.sample.Shipment  serial 3  "), run::toString);
        assertTrue(run.out().contains("\n  notes = [\"picked up\"]\n"), run::toString);
    }

    @Test
    void historyListsTheRetainedVersionsOfOneObject() {
        Path file = sample();
        String s2 = CommandRun.of("dump", file.toString()).oidOfRecordWith("id = \"s2\"");
        CommandRun run = CommandRun.of("history", file.toString(), s2);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("oid " + s2 + " (org.jodb.cli.sample.Shipment): 3 retained versions\n"),
                run::toString);
        Matcher revisions = Pattern.compile("  revision (\\d+) +committed 20").matcher(run.out());
        StringBuilder found = new StringBuilder();
        while (revisions.find()) {
            found.append(revisions.group(1)).append(' ');
        }
        assertEquals("5 3 2 ", found.toString(), run::toString);
    }

    @Test
    void gcRemovesTheGarbageAndShowsBeforeAndAfter() {
        Path file = sample();
        CommandRun run = CommandRun.of("gc", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("removed          1 unreachable objects (6 live)\n"), run::toString);
        assertTrue(run.out().contains("revision         5 -> 6\n"), run::toString);
        assertTrue(CommandRun.of("stats", file.toString()).out().contains("unreachable from the root: 0 objects"));
    }

    @Test
    void gcAndCompactRetainAsManyRevisionsAsTheFileDid() {
        Path file = sample();
        int before = retainedCount(file);
        assertEquals(0, CommandRun.of("gc", file.toString()).exitCode());
        assertEquals(0, CommandRun.of("compact", file.toString()).exitCode());
        assertEquals(before, retainedCount(file), "the commands' own revisions push the oldest out, not pile up");
    }

    private static int retainedCount(Path file) {
        CommandRun info = CommandRun.of("info", file.toString());
        Matcher line = Pattern.compile("(?m)^retained +(.*)$").matcher(info.out());
        assertTrue(line.find(), info::toString);
        return line.group(1).split("\\), ").length;
    }

    @Test
    void compactMovesPagesAndTheFileStaysSound() {
        Path file = sample();
        CommandRun run = CommandRun.of("compact", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().matches("(?s)pages moved      \\d+\\nrevision         5 -> \\d+\\n.*file size .*"), run::toString);
        assertEquals(0, CommandRun.of("verify", file.toString()).exitCode());
    }

    @Test
    void helpListsTheExitCodes() {
        CommandRun run = CommandRun.of("help", "verify");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Exit codes:"), run::toString);
        for (ExitCode code : ExitCode.values()) {
            assertTrue(run.out().matches("(?s).*\\n +" + code.code + " +\\S.*"), () -> code + " missing:\n" + run);
        }
        assertFalse(run.out().contains("Exception"));
    }
}
