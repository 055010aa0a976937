package org.jodb.changes.model;

import java.util.List;

/** A record whose component is a mutable list. */
public record Album(String title, List<String> songs) {
}
