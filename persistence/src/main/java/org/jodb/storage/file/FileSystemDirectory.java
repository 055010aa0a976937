package org.jodb.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The real directory of a storage file ({@link StorageDirectory}). A file being created is named
 * {@code <name>.creating-<16 random hex digits>} in the same directory ({@link NewFileOnDisk}).
 *
 * <p><b>Leftovers.</b> A crash during creation can leave such a file behind: unpublished (then it
 * is garbage), or published but with its own name not yet removed (then it is a second name of the
 * storage file). Either way it is never opened as a storage. Whoever opens the storage file (and so
 * holds its lock) removes every such name: a creator still at work then finds its file gone when it
 * publishes, which counts as losing to the file that exists ({@link NewFileOnDisk#publish}).
 * Random names are never reused, so a removal cannot hit a later creator's file by name.
 */
final class FileSystemDirectory implements StorageDirectory {
    private static final String CREATING = ".creating-";

    private final Path path;

    FileSystemDirectory(Path path) {
        this.path = path;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public PageFile openExisting() {
        PageFile file = PageFile.openLocked(path);
        if (file != null) {
            removeLeftovers();
        }
        return file;
    }

    @Override
    public NewStorageFile createNew() throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        String name = path.getFileName().toString();
        while (true) {
            Path temporary = directory.resolve(name + CREATING
                    + String.format("%016x", ThreadLocalRandom.current().nextLong()));
            try {
                FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
                return new NewFileOnDisk(path, temporary, channel);
            } catch (FileAlreadyExistsException e) {
                // a name drawn before: draw another
            }
        }
    }

    /** Best effort: a name that cannot be removed now is tried again by the next open. */
    private void removeLeftovers() {
        Path directory = path.toAbsolutePath().getParent();
        Pattern leftover = Pattern.compile(Pattern.quote(path.getFileName().toString())
                + Pattern.quote(CREATING) + "[0-9a-f]{16}");
        try (DirectoryStream<Path> names = Files.newDirectoryStream(directory,
                entry -> leftover.matcher(entry.getFileName().toString()).matches())) {
            for (Path name : names) {
                try {
                    Files.deleteIfExists(name);
                } catch (IOException ignored) {
                    // left for the next open
                }
            }
        } catch (IOException ignored) {
            // the directory cannot be listed: the leftovers stay, harmless
        }
    }
}
