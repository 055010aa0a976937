package org.jodb.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A storage file being created on disk under a temporary name beside its final one
 * ({@link FileSystemDirectory#createNew}).
 *
 * <p><b>Publishing</b> is a hard link from the final name to the file: {@code link(2)} is atomic
 * and fails if the name exists, so of two creators (threads or processes) exactly one gets the name
 * and the other learns it lost, and an existing file is never replaced. Where the file system has
 * no hard links, an atomic rename is the fallback; a rename replaces an existing target, so it runs
 * only after finding the name free, which leaves a short window in which two creators on such a
 * file system could both publish, the later one winning.
 */
final class NewFileOnDisk implements NewStorageFile {
    private final Path path;
    private final Path temporary;
    private final FileChannel channel;
    private final PageChannel pages;

    NewFileOnDisk(Path path, Path temporary, FileChannel channel) {
        this.path = path;
        this.temporary = temporary;
        this.channel = channel;
        this.pages = new FileChannelPages(temporary, channel);
    }

    @Override
    public PageChannel channel() {
        return pages;
    }

    @Override
    public boolean publish() throws IOException {
        try {
            Files.createLink(path, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (NoSuchFileException e) {
            // The temporary name is gone: the opener of an existing file removed it as a leftover.
            return false;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }

    @Override
    public void forceDirectory() {
        ParentDirectory.force(path);
    }

    @Override
    public void discard() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file was never locked: nothing is lost by an unclean close
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a later open of the storage file removes it
        }
    }
}
