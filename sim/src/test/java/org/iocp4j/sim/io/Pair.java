package org.iocp4j.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;

/** A connected pair of simulated sockets on one port, for the simulator's own tests; call inside a run. */
final class Pair implements AutoCloseable {
    static final long CLIENT = 1;
    static final long SERVER = 2;

    final CompletionPort port;
    final AsyncServerSocket listener;
    final AsyncSocket client;
    final AsyncSocket server;
    final CompletionEntry entry = new CompletionEntry();

    Pair(CompletionPort port, InetAddress at) throws IOException {
        this.port = port;
        listener = port.io().openServerSocket();
        listener.bind(new InetSocketAddress(at, 0), 8);
        client = port.io().openSocket();
        server = port.io().openSocket();
        client.associate(port, CLIENT);
        server.associate(port, SERVER);
        Overlapped acc = new Overlapped();
        Overlapped con = new Overlapped();
        assertEquals(Win32Error.ERROR_IO_PENDING, listener.accept(server, acc));
        assertEquals(Win32Error.ERROR_IO_PENDING, client.connect(listener.localAddress(), con));
        next(); // the connect's packet: the accept has no port, so it queues nothing
        assertEquals(con, entry.overlapped());
        assertEquals(0, entry.error());
    }

    Pair(CompletionPort port) throws IOException {
        this(port, InetAddress.getLoopbackAddress());
    }

    /** The next packet; fails if none comes within a virtual second. */
    CompletionEntry next() {
        if (!port.dequeue(entry, 1, TimeUnit.SECONDS).hasPacket()) {
            throw new AssertionError("no packet came");
        }
        return entry;
    }

    @Override
    public void close() {
        client.close();
        server.close();
        listener.close();
    }
}
