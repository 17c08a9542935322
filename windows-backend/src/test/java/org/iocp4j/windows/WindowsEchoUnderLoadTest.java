package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.CompletionEntry;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * Eight connections driven only by packets through two worker threads: each client sends a
 * numbered message, the server side echoes what it reads, the client checks and sends the next.
 * Every completion is dequeued by whichever worker is free, so handle locks, the operation table
 * and the port's dequeue path run concurrently; every byte comes back exactly once.
 */
class WindowsEchoUnderLoadTest extends IoTestSupport {
    private static final int CONNECTIONS = 8;
    private static final int ROUNDS = 100;
    private static final int SIZE = 64;

    /** One side of one connection, with its buffer and Overlapped (attachment: this). */
    private static final class Side {
        final AsyncSocket socket;
        final boolean client;
        final ByteBuffer buffer = ByteBuffer.allocateDirect(SIZE);
        final Overlapped ov = new Overlapped(this);
        int round;
        /** The packet in flight is the write's. */
        boolean writing;

        Side(AsyncSocket socket, boolean client) {
            this.socket = socket;
            this.client = client;
        }
    }

    @Test
    void everyMessageComesBackIntact() throws Exception {
        Side[] clients = new Side[CONNECTIONS];
        Side[] servers = new Side[CONNECTIONS];
        for (int i = 0; i < CONNECTIONS; i++) {
            AsyncSocket[] pair = connectedPair(100 + i, 200 + i);
            clients[i] = new Side(pair[0], true);
            servers[i] = new Side(pair[1], false);
        }
        for (int i = 0; i < CONNECTIONS; i++) {
            check(servers[i].socket.read(servers[i].buffer.clear(), servers[i].ov));
            send(clients[i]);
        }
        AtomicInteger finished = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread[] workers = new Thread[2];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> work(finished, failures), "worker-" + w);
            workers[w].start();
        }
        OnWindows.awaitUntil("every client finished its rounds", () -> finished.get() == CONNECTIONS
                || !failures.isEmpty());
        port.post(0, 0, null); // one stop packet per worker
        port.post(0, 0, null);
        for (Thread t : workers) {
            t.join(PATIENCE_SECONDS * 1000);
        }
        assertTrue(failures.isEmpty(), () -> "a worker failed: " + failures.get(0));
        for (Side c : clients) {
            assertEquals(ROUNDS, c.round);
        }
    }

    private void work(AtomicInteger finished, List<Throwable> failures) {
        CompletionEntry e = new CompletionEntry();
        try {
            while (port.dequeue(e).hasPacket() && e.overlapped() != null) {
                Side s = (Side) ((Overlapped) e.overlapped()).attachment();
                if (e.error() != 0) {
                    throw new AssertionError(s.client + " side: " + Win32Error.describe(e.error()));
                }
                if (s.writing) { // a write finished: read the next message (server) or the echo (client)
                    s.writing = false;
                    check(s.socket.read(s.buffer.clear(), s.ov));
                } else if (!s.client) { // the server echoes what it read
                    s.writing = true;
                    check(s.socket.write(s.buffer.flip(), s.ov));
                } else if (s.buffer.position() < SIZE) {
                    check(s.socket.read(s.buffer, s.ov)); // the echo came in pieces
                } else {
                    for (int i = 0; i < SIZE; i++) {
                        assertEquals((byte) (s.round + i), s.buffer.get(i), "byte " + i + " of round " + s.round);
                    }
                    if (++s.round == ROUNDS) {
                        finished.incrementAndGet();
                    } else {
                        send(s);
                    }
                }
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    private static void send(Side c) {
        c.buffer.clear();
        for (int i = 0; i < SIZE; i++) {
            c.buffer.put((byte) (c.round + i));
        }
        c.writing = true;
        check(c.socket.write(c.buffer.flip(), c.ov));
    }

    private static void check(int issued) {
        if (issued != Win32Error.ERROR_SUCCESS && issued != Win32Error.ERROR_IO_PENDING) {
            throw new AssertionError("failed at once: " + Win32Error.describe(issued));
        }
    }
}
