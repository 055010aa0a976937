package org.jodb.enhance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jodb.cache.PersistentObject;
import org.jodb.cache.StateCodes;
import org.junit.jupiter.api.Test;

/** Field accesses of build-time enhanced classes reach the state manager exactly when they must. */
class EnhancedFieldAccessTest {

    private final RecordingStateManager manager = new RecordingStateManager();

    private static PersistentObject persistent(Object object) {
        return (PersistentObject) object;
    }

    @Test
    void newObjectStartsCleanAndNeverCallsManager() {
        // constructors read and write fields with state 0 and no manager: a call would throw NPE
        Point point = new Point(new Point(1, 2));
        AllKinds kinds = new AllKinds("set by constructor");
        point.moveBy(1, 1);
        kinds.setAll(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d);

        assertEquals(StateCodes.TRANSIENT, persistent(point).$jodbState());
        assertNull(persistent(point).$jodbManager());
        assertEquals(2, point.getX());
        assertEquals("set by constructor", kinds.getName());
    }

    @Test
    void changedObjectTakesFastPathForReadsAndWrites() {
        Point point = manager.manage(new Point(1, 2), StateCodes.CHANGED);
        point.setX(point.getY() + point.getX());
        assertEquals(0, manager.reads + manager.writes);
    }

    @Test
    void firstReadOfGhostLoadsItOnce() {
        Point point = manager.loading("x", 10).loading("y", 20)
                .manage(new Point(0, 0), StateCodes.GHOST);

        assertEquals(10, point.getX());
        assertEquals(20, point.getY());
        assertEquals(1, manager.reads);
        assertEquals(1, manager.loads);
        assertEquals(StateCodes.ACCESSED, persistent(point).$jodbState());
    }

    @Test
    void firstWriteOfGhostLoadsItAndMarksItChanged() {
        Point point = manager.loading("x", 10).loading("y", 20)
                .manage(new Point(0, 0), StateCodes.GHOST);

        point.setX(5);

        assertEquals(1, manager.writes);
        assertEquals(1, manager.loads);
        assertEquals(5, point.getX());
        assertEquals(20, point.getY());
        assertEquals(0, manager.reads);
    }

    @Test
    void readsOfAccessedObjectDoNotCallManager() {
        Point point = manager.manage(new Point(3, 4), StateCodes.ACCESSED);
        assertEquals(7, point.getX() + point.getY());
        assertEquals(0, manager.reads);
    }

    @Test
    void firstReadOfUpToDateObjectIsReportedOnce() {
        Point point = manager.manage(new Point(3, 4), StateCodes.UPTODATE);
        assertEquals(7, point.getX() + point.getY());
        assertEquals(1, manager.reads);
        assertEquals(0, manager.loads);
    }

    @Test
    void firstWriteOfUpToDateObjectCallsBeforeWriteOnce() {
        Point point = manager.manage(new Point(3, 4), StateCodes.UPTODATE);
        point.setX(5);
        point.setY(6);
        point.moveBy(1, 1);
        assertEquals(1, manager.writes);
        assertEquals(StateCodes.CHANGED, persistent(point).$jodbState());
        assertEquals(6, point.getX());
        assertEquals(7, point.getY());
    }

    @Test
    void firstWriteOfAccessedOrStickyObjectCallsBeforeWriteOnce() {
        Point accessed = manager.manage(new Point(3, 4), StateCodes.ACCESSED);
        Point sticky = manager.manage(new Point(3, 4), StateCodes.STICKY);
        accessed.setX(1);
        accessed.setX(2);
        sticky.setY(1);
        sticky.setY(2);
        assertEquals(2, manager.writes);
        assertEquals(0, manager.reads);
    }

    @Test
    void everyPrimitiveKindIsLoadedFromGhost() {
        manager.loading("flag", true).loading("smallNumber", (byte) 7).loading("shortNumber", (short) 300)
                .loading("letter", 'q').loading("number", 42).loading("bigNumber", Long.MAX_VALUE)
                .loading("ratio", 1.5f).loading("precise", Math.PI).loading("name", "loaded");
        AllKinds kinds = manager.manage(new AllKinds("initial"), StateCodes.GHOST);

        assertTrue(kinds.isFlag());
        assertEquals((byte) 7, kinds.getSmallNumber());
        assertEquals((short) 300, kinds.getShortNumber());
        assertEquals('q', kinds.getLetter());
        assertEquals(42, kinds.getNumber());
        assertEquals(Long.MAX_VALUE, kinds.getBigNumber());
        assertEquals(1.5f, kinds.getRatio());
        assertEquals(Math.PI, kinds.getPrecise());
        assertEquals("loaded", kinds.getName());
        assertEquals(1, manager.reads);
    }

    @Test
    void wideWritesKeepTheirValues() {
        AllKinds kinds = manager.manage(new AllKinds("wide"), StateCodes.UPTODATE);

        kinds.setBigNumber(0x1234_5678_9abc_def0L);
        kinds.setPrecise(-2.5e300);
        kinds.addToBigNumber(1);
        kinds.setAll(false, (byte) -1, (short) -2, 'z', -3, Long.MIN_VALUE, -0.5f, Double.MAX_VALUE);

        assertEquals(1, manager.writes);
        assertEquals(Long.MIN_VALUE, kinds.getBigNumber());
        assertEquals(Double.MAX_VALUE, kinds.getPrecise());
        assertEquals('z', kinds.getLetter());
    }

    @Test
    void compoundAssignmentToWideFieldOfGhostReadsLoadedValue() {
        AllKinds kinds = manager.loading("bigNumber", 100L).manage(new AllKinds("x"), StateCodes.GHOST);
        kinds.addToBigNumber(5);
        assertEquals(105L, kinds.getBigNumber());
        assertEquals(1, manager.loads);
    }

    @Test
    void directAccessFromAnotherClassIsIntercepted() {
        AllKinds kinds = manager.loading("visibleCounter", 9).manage(new AllKinds("x"), StateCodes.GHOST);
        int seen = kinds.visibleCounter;
        kinds.visibleCounter = seen + 1;
        assertEquals(9, seen);
        assertEquals(1, manager.reads);
        assertEquals(1, manager.writes);
        assertEquals(10, kinds.getNumber() + kinds.visibleCounter);
    }

    @Test
    void accessFromInterfaceCodeIsIntercepted() {
        AllKinds kinds = manager.loading("visibleCounter", 9).manage(new AllKinds("x"), StateCodes.GHOST);
        assertEquals(9, CounterAccess.readCounter(kinds));
        new CounterAccess() { }.bump(kinds);
        assertEquals(1, manager.loads);
        assertEquals(1, manager.writes);
        assertEquals(10, CounterAccess.readCounter(kinds));
    }

    @Test
    void transientFieldsAreNotIntercepted() {
        AllKinds kinds = manager.manage(new AllKinds("x"), StateCodes.GHOST);
        kinds.scratch = 3;
        kinds.scratch++;
        assertEquals(4, kinds.scratch);
        assertEquals(0, manager.reads + manager.writes);
    }

    @Test
    void copyConstructorReadsGhostBeforeDelegating() {
        Point ghost = manager.loading("x", 8).loading("y", 9).manage(new Point(0, 0), StateCodes.GHOST);
        Point copy = new Point(ghost);
        assertEquals(8, copy.getX());
        assertEquals(9, copy.getY());
        assertEquals(1, manager.reads);
    }

    @Test
    void subclassFieldsAndInheritedFieldsAreIntercepted() {
        Point3D point = manager.loading("z", 30).loading("label", "loaded").loading("x", 10)
                .manage(new Point3D(1, 2, 3), StateCodes.GHOST);

        assertEquals("loaded@30", point.describe());
        assertEquals(10, point.getX());
        assertEquals(1, manager.reads);

        point.relabel("renamed");
        point.setZ(31);
        assertEquals(1, manager.writes);
        assertEquals("renamed", point.getLabel());
    }

    @Test
    void nestedInnerAndLambdaAccessesAreIntercepted() {
        Account account = manager.loading("balance", 100L).loading("owner", "ann")
                .manage(new Account("initial"), StateCodes.GHOST);
        assertEquals("ann", Account.Ledger.ownerOf(account));
        assertEquals(1, manager.reads);

        Account.Ledger.deposit(account, 5);
        assertEquals(1, manager.writes);
        assertEquals(105L, account.getBalance());

        Account other = manager.loading("balance", 7L).manage(new Account("b"), StateCodes.GHOST);
        assertEquals(7L, other.auditor().audit());
        assertEquals(2, manager.reads);
        other.auditor().rename("bob");
        assertEquals(2, manager.writes);

        Account third = manager.loading("balance", 3L).manage(new Account("c"), StateCodes.GHOST);
        assertEquals(3L, third.balanceSupplier().getAsLong());
        assertEquals(3, manager.reads);
    }

    @Test
    void persistentClassWithPlainSuperclassWorks() {
        Labeled labeled = manager.loading("text", "loaded").manage(new Labeled("new"), StateCodes.GHOST);
        assertEquals("loaded", labeled.getText());
        assertEquals("plain", labeled.kind());
        assertEquals(1, manager.reads);
    }

    @Test
    void aWriteToAnotherObjectInsideSuperArgumentsIsIntercepted() {
        TicketCounter counter = manager.loading("issued", 41).manage(new TicketCounter(), StateCodes.GHOST);

        Ticket ticket = new Ticket(counter);

        assertEquals(41, ticket.number());
        assertEquals(42, counter.issued);
        assertEquals(1, manager.writes, "the counter is marked changed");
        assertEquals(StateCodes.CHANGED, ((org.jodb.cache.PersistentObject) counter).$jodbState());
    }

    @Test
    void aWriteToAnotherInstanceOfTheSameClassInsideThisArgumentsIsIntercepted() {
        Link previous = manager.loading("uses", 4).manage(new Link(0), StateCodes.GHOST);

        Link next = new Link(previous);

        assertEquals(4, next.number());
        assertEquals(5, previous.uses);
        assertEquals(1, manager.writes);
    }

    @Test
    void aWriteInOneBranchOfAConditionalInsideThisArgumentsIsIntercepted() {
        Link previous = manager.loading("uses", 7).manage(new Link(0), StateCodes.GHOST);

        assertEquals(-1, new Link(previous, false).number());
        assertEquals(0, manager.writes);
        assertEquals(7, new Link(previous, true).number());
        assertEquals(8, previous.uses);
        assertEquals(1, manager.writes);
    }
}
