package org.iocp4j.io;

import java.io.IOException;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/** Opens handles on one backend; get it from {@link org.iocp4j.CompletionPort#io()}. */
public interface IoFactory {

    /** A new, unconnected TCP socket for overlapped I/O. */
    AsyncSocket openSocket() throws IOException;

    /** A new listening socket; call {@link AsyncServerSocket#bind}. */
    AsyncServerSocket openServerSocket() throws IOException;

    /**
     * Opens a file for overlapped I/O with the options of {@link java.nio.file.Files#newByteChannel}
     * (READ, WRITE, CREATE, ...), for reading unless WRITE alone is given. Every backend checks them
     * alike ({@link FileRules}) before it opens anything.
     *
     * @throws IllegalArgumentException for APPEND: every overlapped write names its offset; to
     *     append, write at {@link AsyncFile#size()}
     * @throws UnsupportedOperationException for an option other than the standard ones and
     *     NOFOLLOW_LINKS
     * @throws IOException as {@code Files.newByteChannel}, e.g. NoSuchFileException
     */
    AsyncFile openFile(Path path, OpenOption... options) throws IOException;
}
