package org.iocp4j.epoll.stress;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.Win32Error;
import org.iocp4j.epoll.EpollBackend;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactly once, under churn, on real loopback sockets: four workers open 1,000 connections and
 * write, read, cancel and close them at random while dequeuing each other's packets. Every
 * operation answered ERROR_SUCCESS or ERROR_IO_PENDING gets exactly one packet (R51, R53),
 * every one that failed at once gets none (R52), cancels and closes complete what they hit
 * (R65, R71), both byte streams of every connection arrive intact, and the process has as many
 * descriptors afterwards as before.
 *
 * <p>Bounded: at most 35 s of steps (normally a few), then closing and draining. The seed is
 * printed; replay with {@code -Diocp4j.stress.seed=N}. The interleaving of threads is not
 * replayed, only each worker's choices.
 */
class ChurnStressTest {
    private static final int WORKERS = 4;
    private static final int CONNECTIONS = 1_000;
    private static final int STEPS_PER_WORKER = 40_000;

    @BeforeAll
    static void needsEpoll() {
        org.junit.jupiter.api.Assumptions.assumeTrue(EpollBackend.isAvailable(),
                () -> "needs Linux with Netty's native epoll: " + EpollBackend.unavailabilityCause());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void r51_r52_r53_r65_r71_everyOperationGetsExactlyOnePacketUnderChurn() throws Exception {
        long seed = Long.getLong("iocp4j.stress.seed", System.nanoTime());
        String replay = "seed " + seed + " (replay with -Diocp4j.stress.seed=" + seed + ")";
        System.out.println("ChurnStressTest: " + replay);
        long fdsBefore = settledBaseline();
        long started = System.nanoTime();

        CompletionPort port = EpollBackend.open(PortOptions.withConcurrency(WORKERS));
        Churn churn = new Churn(port);
        long deadline = started + TimeUnit.SECONDS.toNanos(35);
        List<ChurnWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            ChurnWorker w = new ChurnWorker(churn, seed + i, CONNECTIONS / WORKERS, STEPS_PER_WORKER, deadline);
            workers.add(w);
            threads.add(Thread.ofPlatform().daemon().name("churn-worker-" + i).start(w));
        }
        Ledger ledger = churn.ledger;
        long stepsNanos;
        try {
            await("every worker took its steps").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(20))
                    .until(() -> workers.stream().allMatch(ChurnWorker::stepsDone));
            stepsNanos = System.nanoTime() - started;
            churn.closeEverything(); // R71: whatever is pending completes now
            try {
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10))
                        .until(() -> ledger.dequeued.get() >= ledger.expected());
            } catch (ConditionTimeoutException e) {
                // some packet never came: the assertions below name the operations
            }
        } finally {
            churn.closeEverything(); // again, harmless; on a failure above it stops the churn
            port.close(); // the workers' dequeues return ABANDONED (R33)
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertTrue(!t.isAlive(), t.getName() + " did not end");
        }

        String report = ledger.summary() + "; " + (CONNECTIONS - workers.stream().mapToInt(ChurnWorker::connectsLeft)
                .sum()) + " connects, " + churn.connected + " connected, " + churn.accepted + " accepted, "
                + churn.bytesChecked + " bytes checked, " + churn.cancelsThatHit + " cancels that hit; packet errors " + named(churn.errors) + "; failed at once "
                + named(churn.failedAtOnce) + "; steps " + workers.stream().mapToInt(ChurnWorker::stepsTaken).sum()
                + " in " + TimeUnit.NANOSECONDS.toMillis(stepsNanos) + " ms; " + replay;
        System.out.println("ChurnStressTest: " + report);
        assertEquals(List.of(), List.copyOf(churn.failures), report);
        assertEquals(List.of(), List.copyOf(ledger.strays), "packets of unknown operations; " + report);
        assertEquals(List.of(), ledger.lost().stream().map(Object::toString).toList(), "lost packets; " + report);
        assertEquals(List.of(), ledger.duplicated().stream().map(Object::toString).toList(), "duplicates; " + report);
        assertEquals(ledger.expected(), ledger.dequeued.get(), report);
        assertEquals(0, workers.stream().mapToInt(ChurnWorker::connectsLeft).sum(),
                "every connection opened within the time bound (a very slow machine?); " + report);
        assertTrue(churn.connected.get() > CONNECTIONS / 2 && churn.accepted.get() > CONNECTIONS / 2
                && churn.bytesChecked.get() > 0, "the churn moved data over real connections; " + report);
        assertTrue(ledger.skippedAtOnce.get() > 0, "some operations were done at once in skip mode (R56); " + report);
        assertTrue(churn.cancelsThatHit.get() > 0, "some cancel found an operation to cancel; " + report);
        assertTrue(churn.errors.containsKey(Win32Error.ERROR_OPERATION_ABORTED), "and its packet said so; " + report);

        await("descriptors back to " + fdsBefore + "; " + replay).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> openFds() <= fdsBefore);
    }

    private static String named(Map<Integer, ?> counts) {
        Map<String, Object> byName = new TreeMap<>();
        counts.forEach((k, v) -> byName.put(k == Ledger.THREW ? "refused" : Win32Error.describe(k), v));
        return byName.toString();
    }

    /**
     * The descriptor count once the epoll loops (their epoll, event and timer fds) and every
     * lazily opened JDK descriptor exist: a socket round trip twice, the second time waiting
     * until its descriptors are gone again (they close on the loop just after close()).
     */
    private static long settledBaseline() throws IOException {
        roundTrip();
        long withListener;
        try (CompletionPort p = EpollBackend.open(PortOptions.withConcurrency(1));
                AsyncServerSocket l = p.io().openServerSocket()) {
            l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            withListener = openFds();
        }
        await("the warm-up listener's fd closed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> openFds() < withListener);
        return openFds();
    }

    private static void roundTrip() throws IOException {
        try (CompletionPort p = EpollBackend.open(PortOptions.withConcurrency(1));
                AsyncServerSocket l = p.io().openServerSocket();
                AsyncSocket a = p.io().openSocket();
                AsyncSocket b = p.io().openSocket()) {
            l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            l.associate(p, 1);
            a.associate(p, 2);
            b.associate(p, 3);
            l.accept(b, new Overlapped());
            a.connect(l.localAddress(), new Overlapped());
            for (int i = 0; i < 2; i++) {
                assertTrue(p.dequeue(new org.iocp4j.CompletionEntry(), 10, TimeUnit.SECONDS).hasPacket());
            }
        }
    }

    private static long openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
