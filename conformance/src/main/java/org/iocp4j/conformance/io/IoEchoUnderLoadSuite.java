package org.iocp4j.conformance.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.CompletionEntry;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * An echo server and its clients on one port, driven only by packets: two worker threads dequeue
 * and issue each connection's next operation while the backend completes the ones that wait.
 * Every byte must come back in order, every operation must produce its packet.
 */
public abstract class IoEchoUnderLoadSuite extends IoSuite {
    private static final int CONNECTIONS = 8;
    private static final int MESSAGES = 200;
    private static final int SIZE = 700;

    /** For subclasses. */
    protected IoEchoUnderLoadSuite() {}

    /** One socket's state; one operation in flight at a time, so one Overlapped. */
    private static final class Conn {
        final AsyncSocket socket;
        final boolean client;
        final int id;
        final Overlapped ov = new Overlapped(this);
        final ByteBuffer buf = ByteBuffer.allocateDirect(SIZE);
        boolean accepted;
        boolean writing;
        int message;

        Conn(AsyncSocket socket, boolean client, int id) {
            this.socket = socket;
            this.client = client;
            this.id = id;
        }

        @Override
        public String toString() {
            return (client ? "client " : "server ") + id;
        }
    }

    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger clientsDone = new AtomicInteger();

    @Test
    public void manyConnectionsEchoThroughTwoWorkers() throws Exception {
        AsyncServerSocket l = listener();
        l.associate(port, 0);
        for (int i = 0; i < CONNECTIONS; i++) {
            Conn server = new Conn(socket(), false, i);
            server.socket.associate(port, 1);
            check(l.accept(server.socket, server.ov), server);
            Conn client = new Conn(socket(), true, i);
            client.socket.associate(port, 2);
            check(client.socket.connect(l.localAddress(), client.ov), client);
        }
        List<Thread> workers = List.of(worker("echo-worker-1"), worker("echo-worker-2"));
        awaitUntil("every client got every echo", () -> clientsDone.get() == CONNECTIONS || !failures.isEmpty());
        port.close(); // the workers' dequeue returns ABANDONED
        for (Thread w : workers) {
            join(w);
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(CONNECTIONS, clientsDone.get());
    }

    private Thread worker(String name) {
        return start(name, () -> {
            CompletionEntry e = new CompletionEntry();
            while (port.dequeue(e).hasPacket()) {
                Conn c = (Conn) ((Overlapped) e.overlapped()).attachment();
                try {
                    if (e.error() != 0) {
                        failures.add(c + ": " + Win32Error.describe(e.error()));
                    } else {
                        step(c, e.bytes());
                    }
                } catch (RuntimeException | IOException | AssertionError x) {
                    failures.add(c + ": " + x);
                }
            }
        });
    }

    /** The connection's last operation completed with {@code bytes}: issue its next one. */
    private void step(Conn c, int bytes) throws IOException {
        if (c.client) {
            clientStep(c, bytes);
        } else {
            serverStep(c, bytes);
        }
    }

    private void serverStep(Conn c, int bytes) {
        if (!c.accepted || c.writing) { // the accept, or an echo, completed: read what comes next
            c.accepted = true;
            c.writing = false;
            c.buf.clear();
            check(c.socket.read(c.buf, c.ov), c);
        } else if (bytes == 0) {
            c.socket.close(); // the client shut down its side
        } else {
            c.writing = true; // echo what arrived, however much
            c.buf.flip();
            check(c.socket.write(c.buf, c.ov), c);
        }
    }

    private void clientStep(Conn c, int bytes) throws IOException {
        if (c.writing) {
            c.writing = false;
            c.buf.clear();
            check(c.socket.read(c.buf, c.ov), c);
            return;
        }
        if (c.message > 0) { // a read of the echo completed
            if (bytes == 0) {
                throw new AssertionError("client " + c.id + ": end of stream before the echo");
            }
            if (c.buf.hasRemaining()) {
                check(c.socket.read(c.buf, c.ov), c); // the rest of the echo
                return;
            }
            c.buf.flip();
            for (int i = 0; i < SIZE; i++) {
                if (c.buf.get(i) != pattern(c, i)) {
                    throw new AssertionError("client " + c.id + " message " + c.message + ": byte " + i + " differs");
                }
            }
            if (c.message == MESSAGES) {
                c.socket.shutdownOutput();
                clientsDone.incrementAndGet();
                return;
            }
        }
        c.message++; // connected, or the echo checked: send the next message
        c.buf.clear();
        for (int i = 0; i < SIZE; i++) {
            c.buf.put(pattern(c, i));
        }
        c.buf.flip();
        c.writing = true;
        check(c.socket.write(c.buf, c.ov), c);
    }

    private static byte pattern(Conn c, int i) {
        return (byte) (c.id * 31 + c.message * 7 + i);
    }

    private void check(int issued, Conn c) {
        if (issued != Win32Error.ERROR_SUCCESS && issued != Win32Error.ERROR_IO_PENDING) {
            failures.add(c + " failed at once: " + Win32Error.describe(issued));
        }
    }
}
