package org.iocp4j.examples.echo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The echo server gives back every byte, in order, to every client, and stops cleanly. */
class EchoServerTest {
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Skips where the best backend has no I/O (Windows until its port gets sockets). */
    @BeforeAll
    static void needsAnIoBackend() {
        try (CompletionPort p = CompletionPorts.open(1)) {
            boolean io;
            try {
                p.io();
                io = true;
            } catch (UnsupportedOperationException e) {
                io = false;
            }
            Assumptions.assumeTrue(io, () -> "needs an I/O backend (epoll or kqueue); the best here is " + p.backend());
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private EchoServer server(int threads, int accepts, int buffer) throws IOException {
        EchoServer s = EchoServer.start(ANY_LOOPBACK_PORT, threads, accepts, buffer);
        toClose.add(s);
        return s;
    }

    private Socket client(EchoServer s) throws IOException {
        Socket c = new Socket(s.localAddress().getAddress(), s.localAddress().getPort());
        toClose.add(0, c); // closed before the server
        c.setSoTimeout(10_000);
        return c;
    }

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i * 13 + (i >> 9));
        }
        return b;
    }

    /** Sends {@code data} from another thread while reading the echo here; returns what came back. */
    private static byte[] echo(Socket c, byte[] data) throws Exception {
        OutputStream out = c.getOutputStream();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                out.write(data);
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] back = c.getInputStream().readNBytes(data.length);
        sending.get();
        return back;
    }

    @Test
    void roundTripGivesBackEveryByteInOrder() throws Exception {
        EchoServer s = server(2, 4, 1024); // a small buffer: many reads and writes per round trip
        assertEquals(2, s.concurrency(), "the port's concurrency is the number of workers");
        byte[] data = pattern(200_000, 7);
        assertArrayEquals(data, echo(client(s), data));
    }

    @Test
    void moreClientsThanOutstandingAcceptsAreAllServed() throws Exception {
        EchoServer s = server(2, 1, 4096); // each accept that completes issues the next one
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(client(s));
        }
        for (int i = 0; i < clients.size(); i++) {
            byte[] data = pattern(10_000, i);
            assertArrayEquals(data, echo(clients.get(i), data), "client " + i);
        }
        assertEquals(8, s.openConnections());
    }

    @Test
    void aStreamingClientYieldsItsWorkerSoAnotherIsServed() throws Exception {
        EchoServer s = server(1, 4, 64); // one worker; small reads, so most complete at once
        Socket streaming = client(s);
        Socket pinging = client(s);
        byte[] bulk = pattern(4 << 20, 5);
        CompletableFuture<byte[]> stream = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> { // not the common pool: echo() sends on it
            try {
                stream.complete(echo(streaming, bulk));
            } catch (Exception e) {
                stream.completeExceptionally(e);
            }
        });
        for (int i = 0; i < 20; i++) {
            byte[] ping = pattern(8, i);
            assertArrayEquals(ping, echo(pinging, ping), "ping " + i);
        }
        assertArrayEquals(bulk, stream.get());
        assertTrue(s.requeues() > 0, "the streaming connection gave its worker up after "
                + EchoConnection.INLINE_LIMIT + " operations done at once");
    }

    @Test
    void aClientThatClosesIsClosedOnTheServerToo() throws Exception {
        EchoServer s = server(1, 2, 512);
        Socket c = client(s);
        assertArrayEquals(pattern(100, 1), echo(c, pattern(100, 1)));
        c.shutdownOutput(); // the server reads 0 bytes: end of stream
        assertEquals(-1, c.getInputStream().read(), "the server closes its side after the end of stream");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.openConnections() == 0);
    }

    @Test
    void closeEndsEveryConnectionAndWorker() throws Exception {
        EchoServer s = server(2, 2, 512);
        Socket c = client(s);
        assertArrayEquals(pattern(100, 2), echo(c, pattern(100, 2)));
        s.close(); // returns once its workers ended
        InputStream in = c.getInputStream();
        int got;
        try {
            got = in.read();
        } catch (IOException reset) {
            got = -1; // a reset is a close too
        }
        assertEquals(-1, got, "the connection is closed by the server");
        assertEquals(0, liveWorkers(), "workers left running");
    }

    private static long liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("echo-worker-") && t.isAlive()).count();
    }

    @Test
    void badCountsAreRefusedNamingTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EchoServer.start(ANY_LOOPBACK_PORT, 0, 1, 1));
        assertTrue(e.getMessage().startsWith("threads must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EchoServer.start(ANY_LOOPBACK_PORT, 1, 0, 1));
        assertTrue(e.getMessage().startsWith("accepts must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EchoServer.start(ANY_LOOPBACK_PORT, 1, 1, 0));
        assertTrue(e.getMessage().startsWith("bufferSize must be >= 1"), e.getMessage());
    }

    @Test
    void anAddressInUseIsAnIoExceptionAndLeavesNoWorker() throws Exception {
        EchoServer first = server(1, 1, 64);
        long workers = liveWorkers();
        assertThrows(IOException.class, () -> EchoServer.start(first.localAddress(), 3, 1, 64));
        assertEquals(workers, liveWorkers(), "a server that failed to start runs no worker");
        byte[] data = pattern(1000, 3);
        assertArrayEquals(data, echo(client(first), data), "the first server still serves");
    }
}
