package org.jodb.testmodel;

import java.util.ArrayList;
import java.util.List;
import org.jodb.Persistent;

/** A graph node: persistent references, a plain list of references, cycles. */
@Persistent
public class Node {
    private String name;
    private Node next;
    private List<Node> children = new ArrayList<>();

    public Node(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public Node next() {
        return next;
    }

    public void setNext(Node next) {
        this.next = next;
    }

    public List<Node> children() {
        return children;
    }
}
