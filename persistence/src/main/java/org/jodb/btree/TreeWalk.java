package org.jodb.btree;

/** The depth-first walk behind {@link BTree#visit}. */
final class TreeWalk {
    private TreeWalk() {
    }

    static void walk(Object root, TreeVisitor visitor) {
        visit(new TreePart(root, 0, null, null), visitor);
    }

    private static void visit(TreePart part, TreeVisitor visitor) {
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
