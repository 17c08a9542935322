package org.iocp4j.sim.io;

import static org.iocp4j.Win32Error.ERROR_CONNECTION_REFUSED;
import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.iocp4j.Win32Error.WSAESHUTDOWN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimOptions;
import org.iocp4j.sim.SimResult;
import org.iocp4j.sim.SimulationException;
import org.junit.jupiter.api.Test;

/** The simulated network and disk: time, back-pressure, addresses, the census, files, misuse. */
class SimNetworkTest {

    private static SimOptions with(SimIoOptions io) {
        return SimOptions.builder().seed(7).io(io).build();
    }

    @Test
    void bytesArriveAfterTheirTransferTimeAndTheLatency() {
        SimIoOptions io = SimIoOptions.builder().latency(Duration.ofMillis(1)).jitter(Duration.ZERO)
                .bandwidth(1_000_000).build(); // a byte per microsecond
        Sim.run(with(io), sim -> {
            try (Pair p = new Pair(sim.openPort(1))) {
                Overlapped r = new Overlapped();
                assertEquals(ERROR_IO_PENDING, p.server.read(ByteBuffer.allocate(2000), r));
                long sent = sim.nanoTime();
                Overlapped w = new Overlapped();
                assertEquals(ERROR_SUCCESS, p.client.write(ByteBuffer.allocate(1000), w), "the buffer takes it at once");
                assertEquals(w, p.next().overlapped());
                assertEquals(r, p.next().overlapped());
                assertEquals(1000, p.entry.bytes());
                assertEquals(Duration.ofMillis(2).toNanos(), sim.nanoTime() - sent, "1000 us on the wire, then 1 ms");
            }
        }).assertPassed();
    }

    @Test
    void aWriterWaitsForRoomUntilThePeerReads() {
        SimIoOptions io = SimIoOptions.builder().socketBuffer(1000).segmentSize(300).build();
        Sim.run(with(io), sim -> {
            try (Pair p = new Pair(sim.openPort(1))) {
                byte[] data = new byte[3000];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (byte) i;
                }
                ByteBuffer out = ByteBuffer.wrap(data);
                Overlapped w = new Overlapped();
                assertEquals(ERROR_IO_PENDING, p.client.write(out, w), "3000 bytes do not fit in 1000");
                assertFalse(p.port.dequeue(p.entry, 10, java.util.concurrent.TimeUnit.MILLISECONDS).hasPacket(),
                        "nobody reads: the write waits, however long");
                ByteBuffer got = ByteBuffer.allocate(3000);
                boolean written = false;
                while (got.hasRemaining()) {
                    Overlapped r = new Overlapped();
                    ByteBuffer in = ByteBuffer.allocate(700);
                    p.server.read(in, r);
                    for (CompletionEntry e = p.next(); e.overlapped() != r; e = p.next()) {
                        assertEquals(w, e.overlapped());
                        assertEquals(3000, e.bytes(), "one packet for the whole write");
                        written = true;
                    }
                    got.put(in.flip());
                }
                assertArrayEquals(data, got.array(), "every byte, in order");
                if (!written) {
                    assertEquals(w, p.next().overlapped());
                }
                assertEquals(3000, out.position());
            }
        }).assertPassed();
    }

    @Test
    void r53_aWriteWaitingForRoomEndsWithWsaeshutdownWhenItsOwnSocketShutsItsOutputDown() {
        Sim.run(with(SimIoOptions.builder().socketBuffer(1024).build()), sim -> {
            try (Pair p = new Pair(sim.openPort(1))) {
                Overlapped w = new Overlapped();
                assertEquals(ERROR_IO_PENDING, p.client.write(ByteBuffer.allocate(4096), w), "4096 do not fit in 1024");
                p.client.shutdownOutput();
                assertEquals(w, p.next().overlapped(), "its one packet comes though the peer never reads, as on epoll");
                assertEquals(WSAESHUTDOWN, p.entry.error());
                assertEquals(0, p.entry.bytes());
                ByteBuffer in = ByteBuffer.allocate(4096);
                int got;
                do {
                    Overlapped r = new Overlapped();
                    p.server.read(in, r);
                    assertEquals(r, p.next().overlapped());
                    assertEquals(ERROR_SUCCESS, p.entry.error());
                    got = p.entry.bytes();
                } while (got > 0);
                assertEquals(1024, in.position(), "the peer reads what left before the FIN, then the stream's end");
            }
        }).assertPassed();
    }

    @Test
    void listenersBindToAnySimulatedAddressAndTheWildcard() throws Exception {
        Sim.run(7, sim -> {
            CompletionPort port = sim.openPort(1);
            InetAddress a = InetAddress.getByName("10.1.2.3");
            try (Pair p = new Pair(port, a)) {
                assertEquals(a, p.client.remoteAddress().getAddress());
                assertEquals(a, p.client.localAddress().getAddress(), "one simulated machine with every address");
                assertEquals(p.client.localAddress(), p.server.remoteAddress());
            }
            AsyncServerSocket any = port.io().openServerSocket();
            any.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8080), 1);
            AsyncSocket target = port.io().openSocket();
            AsyncSocket c = port.io().openSocket();
            c.associate(port, 1);
            any.accept(target, new Overlapped());
            Overlapped con = new Overlapped();
            c.connect(new InetSocketAddress(InetAddress.getByName("10.9.9.9"), 8080), con);
            CompletionEntry e = new CompletionEntry();
            port.dequeue(e);
            assertEquals(0, e.error(), "a wildcard listener takes a connect to any address");
            AsyncSocket refused = port.io().openSocket();
            refused.associate(port, 2);
            assertEquals(ERROR_IO_PENDING, refused.connect(new InetSocketAddress(a, 8081), new Overlapped()));
            port.dequeue(e);
            assertEquals(ERROR_CONNECTION_REFUSED, e.error(), "nobody listens on 8081: refused, by packet");
            for (AutoCloseable h : List.of(any, target, c, refused)) {
                h.close();
            }
        }).assertPassed();
    }

    @Test
    void theCensusNamesEveryHandleLeftOpen() {
        Sim.run(7, sim -> {
            CompletionPort port = sim.openPort(1);
            AsyncSocket s = port.io().openSocket();
            AsyncFile f = port.io().openFile(Path.of("leak.bin"), StandardOpenOption.WRITE, StandardOpenOption.CREATE);
            assertEquals(List.of("socket#1", "file#2[leak.bin]"), sim.io().openHandles());
            IllegalStateException x = assertThrows(IllegalStateException.class, sim.io()::checkNoLeaks);
            assertTrue(x.getMessage().contains("socket#1") && x.getMessage().contains("leak.bin"), x.getMessage());
            assertEquals(2, sim.io().stats().handlesOpen());
            s.close();
            f.close();
            sim.io().checkNoLeaks();
            assertEquals(2, sim.io().stats().handlesOpened());
        }).assertPassed();
    }

    @Test
    void filesLiveInTheRunsMemory() {
        Sim.run(7, sim -> {
            Path p = Path.of("data", "in.txt");
            assertThrows(NoSuchFileException.class, () -> sim.io().readFile(p));
            sim.io().writeFile(p, new byte[] {1, 2, 3});
            CompletionPort port = sim.openPort(1);
            try (AsyncFile f = port.io().openFile(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                f.associate(port, 1);
                Overlapped w = new Overlapped();
                assertEquals(ERROR_IO_PENDING, f.write(ByteBuffer.wrap(new byte[] {9}), 3, w), "every file operation waits");
                CompletionEntry e = new CompletionEntry();
                port.dequeue(e);
                assertEquals(w, e.overlapped());
                assertTrue(sim.nanoTime() >= SimIoOptions.defaults().fileLatencyNanos(), "the disk takes time");
            }
            assertArrayEquals(new byte[] {1, 2, 3, 9}, sim.io().readFile(p));
            assertThrows(NoSuchFileException.class, () -> sim.openPort(1).io().openFile(Path.of("absent")));
        }).assertPassed();
        Sim.run(8, sim -> assertThrows(NoSuchFileException.class, () -> sim.io().readFile(Path.of("data", "in.txt")),
                "each run has its own file system")).assertPassed();
    }

    @Test
    void simulatedHandlesRefuseThreadsNoSimulationRuns() {
        AtomicReference<AsyncSocket> leaked = new AtomicReference<>();
        AtomicReference<CompletionPort> port = new AtomicReference<>();
        Sim.run(7, sim -> {
            port.set(sim.openPort(1));
            leaked.set(port.get().io().openSocket());
        }).assertPassed();
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> leaked.get().read(ByteBuffer.allocate(1), new Overlapped()));
        assertTrue(x.getMessage().contains(Thread.currentThread().getName()), x.getMessage());
        x = assertThrows(IllegalStateException.class, () -> port.get().io().openSocket());
        assertTrue(x.getMessage().contains("no simulation runs"), x.getMessage());
        leaked.get().close(); // closing after the run is allowed: the network is gone
        assertTrue(leaked.get().isClosed());
    }

    @Test
    void aRefusedSocketOptionCallTakesNoSchedulingStep() {
        SimResult plain = Sim.run(7, sim -> sim.openPort(1).io().openSocket().close());
        SimResult refused = Sim.run(7, sim -> {
            try (AsyncSocket s = sim.openPort(1).io().openSocket()) {
                assertThrows(UnsupportedOperationException.class, () -> s.getOption(StandardSocketOptions.IP_TOS));
                assertThrows(UnsupportedOperationException.class, () -> s.setOption(StandardSocketOptions.IP_TOS, 1));
                assertThrows(IllegalArgumentException.class, () -> s.setOption(StandardSocketOptions.SO_RCVBUF, 0));
                assertThrows(IllegalArgumentException.class, () -> s.setOption(StandardSocketOptions.SO_SNDBUF, null));
            }
        });
        plain.assertPassed();
        refused.assertPassed();
        assertEquals(plain.steps(), refused.steps(), "checked before the scheduling point, as in every I/O call");
        assertEquals(plain.trace().hash(), refused.trace().hash());
    }

    @Test
    void aReadNobodyAnswersIsReportedAsADeadlockNotAHang() {
        SimResult r = Sim.run(7, sim -> {
            Pair p = new Pair(sim.openPort(1));
            p.server.read(ByteBuffer.allocate(8), new Overlapped());
            p.port.dequeue(new CompletionEntry()); // waits forever: nothing will be sent
        });
        SimulationException x = (SimulationException) r.failure();
        assertEquals(SimulationException.Kind.DEADLOCK, x.kind());
        assertTrue(x.getMessage().contains("kernel") && x.getMessage().contains("SimKernel"), x.getMessage());
    }
}
