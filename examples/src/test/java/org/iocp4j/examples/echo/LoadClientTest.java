package org.iocp4j.examples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The load client against the echo server, and against a server that echoes wrongly. */
class LoadClientTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static void assumeIoBackend() {
        try (CompletionPort p = CompletionPorts.open(1)) {
            boolean io = true;
            try {
                p.io();
            } catch (UnsupportedOperationException e) {
                io = false;
            }
            Assumptions.assumeTrue(io, () -> "needs an I/O backend (epoll or kqueue); the best here is " + p.backend());
        }
    }

    @Test
    void aShortRunGetsEveryByteBackFromTheEchoServer() throws Exception {
        assumeIoBackend();
        try (EchoServer server = EchoServer.start(new InetSocketAddress(LOOPBACK, 0), 2, 4, 16384)) {
            ByteArrayOutputStream marks = new ByteArrayOutputStream();
            LoadClient.Result r = LoadClient.run(server.localAddress(), 6, 4096, 0.3, 0.1, 2,
                    new PrintStream(marks, true, StandardCharsets.UTF_8));
            assertEquals(List.of("MARK start", "MARK end"), marks.toString(StandardCharsets.UTF_8).lines().toList(),
                    "the measured window is marked as it opens and closes");
            assertTrue(r.bytesSent() >= 6 * 4096L, "every connection completes at least one message: " + r.machineLine());
            assertEquals(0, r.bytesSent() % 4096, "whole messages only: " + r.machineLine());
            assertEquals(r.bytesSent(), r.bytesEchoed(), "every byte sent came back: " + r.machineLine());
            assertTrue(r.p50Nanos() <= r.p99Nanos(), r.machineLine());
            assertTrue(r.machineLine().startsWith("RESULT connections=6 size=4096 "), r.machineLine());
        }
    }

    @Test
    void anEchoThatDiffersFailsTheRun() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK)) {
            Thread wrong = Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = listener.accept(); InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream()) {
                    byte[] msg = in.readNBytes(100);
                    msg[42] ^= 1;
                    out.write(msg);
                    in.read(); // until the client gives up
                } catch (IOException e) {
                    // the client closed
                }
            });
            IOException e = assertThrows(IOException.class,
                    () -> LoadClient.run(new InetSocketAddress(LOOPBACK, listener.getLocalPort()), 1, 100, 1, 0, 1));
            assertTrue(e.getMessage().contains("differs at byte 42"), e.getMessage());
            wrong.join(10_000);
        }
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        InetSocketAddress nowhere = new InetSocketAddress(LOOPBACK, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadClient.run(nowhere, 0, 64, 1, 0, 1));
        assertTrue(e.getMessage().contains("connections, size and threads must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LoadClient.run(nowhere, 1, 64, -1, 0, 1));
        assertTrue(e.getMessage().contains("seconds"), e.getMessage());
    }
}
