package org.iocp4j.io;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A listening TCP socket whose accepts are overlapped (AcceptEx). */
public interface AsyncServerSocket extends IoHandle {

    /** bind + listen. */
    void bind(InetSocketAddress local, int backlog) throws IOException;

    /**
     * AcceptEx: accepts the next connection into {@code acceptSocket}, which must be freshly
     * opened and neither bound nor connected.
     */
    int accept(AsyncSocket acceptSocket, Overlapped overlapped);

    /** The address it listens on. */
    InetSocketAddress localAddress();
}
