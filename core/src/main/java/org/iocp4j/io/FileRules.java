package org.iocp4j.io;

import java.nio.ByteBuffer;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The argument rules every backend enforces for files, before anything is opened or started, so
 * bad input changes nothing. The open options are those of {@link java.nio.file.Files#newByteChannel}
 * (the standard options and NOFOLLOW_LINKS), except APPEND, which would ignore the offset every
 * overlapped write names; as there, the file is opened for reading unless WRITE alone is given.
 */
public final class FileRules {
    private FileRules() {}

    /**
     * A read at {@code position}: {@code dst} as {@link BufferRules#checkReadTarget}, a position
     * not negative, an Overlapped given.
     */
    public static void checkRead(ByteBuffer dst, long position, Overlapped overlapped) {
        BufferRules.checkReadTarget(dst, "dst");
        checkTransfer(position, overlapped);
    }

    /** A write at {@code position}: a source buffer, a position not negative, an Overlapped given. */
    public static void checkWrite(ByteBuffer src, long position, Overlapped overlapped) {
        Objects.requireNonNull(src, "src");
        checkTransfer(position, overlapped);
    }

    private static void checkTransfer(long position, Overlapped overlapped) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0 (an offset in the file), got " + position);
        }
        Objects.requireNonNull(overlapped, "overlapped");
    }

    /** Options that passed the checks, and the access they ask for. */
    public record Checked(Set<OpenOption> options, boolean readable, boolean writable) {
        /** NOFOLLOW_LINKS if it was given, for a look at what was opened ({@code Files.isDirectory}, say). */
        public LinkOption[] linkOptions() {
            return options.contains(LinkOption.NOFOLLOW_LINKS) ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS}
                    : new LinkOption[0];
        }
    }

    /**
     * @throws NullPointerException naming the argument that is null
     * @throws IllegalArgumentException for APPEND, saying what to do instead
     * @throws UnsupportedOperationException for an option of another file system, naming it
     */
    public static Checked checkOpen(Path path, OpenOption... options) {
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
