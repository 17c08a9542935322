package org.iocp4j.windows;

import java.io.IOException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoFactory;

/**
 * The handles of the windows backend: sockets and files opened for overlapped I/O, not yet
 * associated with any port (call {@link org.iocp4j.io.IoHandle#associate}, as
 * CreateIoCompletionPort must be called on Windows). They can be associated with any port of this
 * backend.
 */
final class WindowsIoFactory implements IoFactory {
    private final WindowsCompletionPort port;

    WindowsIoFactory(WindowsCompletionPort port) {
        this.port = port;
    }

    @Override
    public AsyncSocket openSocket() {
        checkOpen();
        return new WindowsAsyncSocket();
    }

    @Override
    public AsyncServerSocket openServerSocket() {
        checkOpen();
        return new WindowsAsyncServerSocket();
    }

    @Override
    public AsyncFile openFile(Path path, OpenOption... options) throws IOException {
        checkOpen();
        return WindowsAsyncFile.open(path, options);
    }

    private void checkOpen() {
        if (port.isClosed()) {
            throw new IllegalStateException("the port is closed (ERROR_INVALID_HANDLE): open handles through an "
                    + "open port's io()");
        }
    }

    @Override
    public String toString() {
        return "IoFactory[windows]";
    }
}
