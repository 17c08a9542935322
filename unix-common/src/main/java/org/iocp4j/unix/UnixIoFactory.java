package org.iocp4j.unix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.FileRules;
import org.iocp4j.io.IoFactory;

/**
 * The handles of one port of a readiness backend. They are not associated with any port yet:
 * call {@link org.iocp4j.io.IoHandle#associate}, as CreateIoCompletionPort must be called on
 * Windows. Every handle is overlapped: there is no synchronous mode to open.
 */
final class UnixIoFactory implements IoFactory {
    private final UnixBackend backend;
    private final EmulatedCompletionPort port;
    private final Poller poller;

    UnixIoFactory(UnixBackend backend, EmulatedCompletionPort port, Poller poller) {
        this.backend = backend;
        this.port = port;
        this.poller = poller;
    }

    @Override
    public AsyncSocket openSocket() {
        checkOpen();
        return new UnixAsyncSocket(backend, poller);
    }

    @Override
    public AsyncServerSocket openServerSocket() {
        checkOpen();
        return new UnixAsyncServerSocket(backend, poller);
    }

    @Override
    public AsyncFile openFile(Path path, OpenOption... options) throws IOException {
        FileRules.Checked open = FileRules.checkOpen(path, options);
        checkOpen();
        FileChannel channel = FileChannel.open(path, open.options());
        if (Files.isDirectory(path, open.linkOptions())) { // Linux opens one for reading; every read would fail
            channel.close();
            throw new FileSystemException(path.toString(), null, "a directory, not a file: give a regular file's path");
        }
        return new PooledAsyncFile(backend.name(), path, channel, open.readable(), open.writable());
    }

    private void checkOpen() {
        if (port.isClosed()) {
            throw new IllegalStateException("the port is closed (ERROR_INVALID_HANDLE): open handles through an "
                    + "open port's io()");
        }
    }

    @Override
    public String toString() {
        return "IoFactory[" + backend.name() + "]";
    }
}
