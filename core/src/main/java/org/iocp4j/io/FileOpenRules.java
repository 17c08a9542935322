package org.iocp4j.io;

import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The open options {@link IoFactory#openFile} takes, checked the same way by every backend before
 * anything is opened: those of {@link java.nio.file.Files#newByteChannel} (the standard options
 * and NOFOLLOW_LINKS), except APPEND, which would ignore the offset every overlapped write names.
 * As there, the file is opened for reading unless WRITE alone is given.
 */
public final class FileOpenRules {
    private FileOpenRules() {}

    /** Options that passed the checks, and the access they ask for. */
    public record Checked(Set<OpenOption> options, boolean readable, boolean writable) {}

    /**
     * @throws NullPointerException naming the argument that is null
     * @throws IllegalArgumentException for APPEND, saying what to do instead
     * @throws UnsupportedOperationException for an option of another file system, naming it
     */
    public static Checked check(Path path, OpenOption... options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        Set<OpenOption> set = new HashSet<>();
        for (int i = 0; i < options.length; i++) {
            OpenOption o = Objects.requireNonNull(options[i], "options[" + i + "]");
            if (o == StandardOpenOption.APPEND) {
                throw new IllegalArgumentException("options[" + i + "]: APPEND is refused: overlapped writes always "
                        + "name their offset, and appending would ignore it; to append, write at size()");
            }
            if (!(o instanceof StandardOpenOption) && o != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("options[" + i + "]: " + o + " is not supported: "
                        + "give StandardOpenOptions and LinkOption.NOFOLLOW_LINKS only");
            }
            set.add(o);
        }
        boolean writable = set.contains(StandardOpenOption.WRITE);
        boolean readable = set.contains(StandardOpenOption.READ) || !writable;
        return new Checked(set, readable, writable);
    }
}
