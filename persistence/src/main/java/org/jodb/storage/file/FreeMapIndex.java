package org.jodb.storage.file;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of pointers to {@link FreeMap} chunks, so that a commit rewrites only the index pages of
 * the chunks it rewrote: {@link #refsPerPage} chunks per index page (254 with 4 KiB pages, about
 * 31 GiB of file), and the {@link RevisionEntry} points to the index pages.
 *
 * <p><b>Encoding</b> (type {@link PageType#FREE_MAP_INDEX}, one page; header count = pointers):
 * per chunk its page (8, 0 = a chunk never written, every bit clear) and creating revision (8).
 */
final class FreeMapIndex {
    private static final int REF_BYTES = 16;

    private FreeMapIndex() {
    }

    static int refsPerPage(int pageSize) {
        return (pageSize - Page.HEADER_SIZE) / REF_BYTES;
    }

    /** The pointers {@code chunks} (null = never written) as a sealed index page. */
    static Page encode(int pageSize, long page, long revision, List<NodeRef> chunks) {
        Page index = Page.create(pageSize, PageType.FREE_MAP_INDEX, page, 1, revision);
        ByteBuffer body = index.body();
        for (NodeRef chunk : chunks) {
            body.putLong(chunk == null ? 0 : chunk.page()).putLong(chunk == null ? 0 : chunk.created());
        }
        index.count(chunks.size());
        return index.seal();
    }

    static List<NodeRef> decode(Page page) {
        ByteBuffer body = page.body();
        List<NodeRef> chunks = new ArrayList<>(page.count());
        for (int i = 0; i < page.count(); i++) {
            long chunk = body.getLong();
            long created = body.getLong();
            chunks.add(chunk == 0 ? null : new NodeRef(chunk, 1, created));
        }
        return chunks;
    }
}
