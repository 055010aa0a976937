package org.jodb.btree;

/** The depth-first walk behind {@link LongBTree#visit}. */
final class TreeWalk {
    private TreeWalk() {
    }

    static void walk(Object root, LongTreeVisitor visitor) {
        visit(new TreePart(root, 0, false, 0, false, 0), visitor);
    }

    private static void visit(TreePart part, LongTreeVisitor visitor) {
        if (part.isBucket()) {
            visitor.visitBucket(part);
            return;
        }
        if (!visitor.enterNode(part)) {
            return;
        }
        int children = part.size();
        for (int i = 0; i < children; i++) {
            visit(part.child(i), visitor);
        }
        visitor.leaveNode(part);
    }
}
