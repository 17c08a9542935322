package org.iocp4j.benchmarks.stall;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;

/**
 * How long a completion waits when the waiter that polled has left with a packet and stays busy:
 * two workers on a port of concurrency 2; connection A's requests are answered at once, so one
 * worker keeps polling, until a request on A takes {@code --slow-ms} to serve; a few milliseconds
 * into it a request arrives on connection B, and the other worker, parked in the port, gets it
 * only once somebody polls: the poller's backstop. Prints how long B's completion took to reach
 * its worker, per trial, after {@code --fast-ms} of quick requests on A before each.
 *
 * <p>{@code java ... StallProbe [--trials 20] [--fast-ms 500] [--slow-ms 50]}; compare
 * {@code -Diocp4j.epoll.backstopAlarm=false} (a patrolling backstop) with the default (a timerfd).
 */
public final class StallProbe {
    private static final long A = 1;
    private static final long B = 2;
    private static final long ACCEPTED = 3;
    private static final long STOP = 9;

    private final CompletionPort port = CompletionPorts.open(PortOptions.withConcurrency(2));
    private final ByteBuffer bufA = ByteBuffer.allocateDirect(1);
    private final ByteBuffer bufB = ByteBuffer.allocateDirect(1);
    private final Overlapped readA = new Overlapped();
    private final Overlapped readB = new Overlapped();
    private final BlockingQueue<Long> bLatencies = new LinkedBlockingQueue<>();
    private final BlockingQueue<Boolean> slowStarted = new LinkedBlockingQueue<>();
    private volatile boolean slow;
    private volatile long bSentAt;
    private AsyncSocket serverA;
    private AsyncSocket serverB;

    private StallProbe() {}

    public static void main(String[] args) throws Exception {
        int trials = intFlag(args, "--trials", 20);
        int fastMs = intFlag(args, "--fast-ms", 500);
        int slowMs = intFlag(args, "--slow-ms", 50);
        report(new StallProbe().run(trials, fastMs, slowMs), slowMs);
    }

    /** Runs the probe on a fresh port; returns each trial's wait in nanoseconds. */
    static long[] probe(int trials, int fastMs, int slowMs) throws Exception {
        return new StallProbe().run(trials, fastMs, slowMs);
    }

    private long[] run(int trials, int fastMs, int slowMs) throws Exception {
        AsyncServerSocket listener = port.io().openServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        listener.associate(port, ACCEPTED);
        serverA = accept(listener, A);
        Socket clientA = new Socket(InetAddress.getLoopbackAddress(), listener.localAddress().getPort());
        awaitAccept();
        serverB = accept(listener, B);
        Socket clientB = new Socket(InetAddress.getLoopbackAddress(), listener.localAddress().getPort());
        awaitAccept();
        clientA.setTcpNoDelay(true);
        clientB.setTcpNoDelay(true);
        readNext(serverA, bufA, readA);
        readNext(serverB, bufB, readB);
        leavePort(); // this thread dequeued the accepts: it would count as running on the port (R20)
        Thread[] workers = {worker(slowMs, "worker-1"), worker(slowMs, "worker-2")};
        OutputStream outA = clientA.getOutputStream();
        InputStream inA = clientA.getInputStream();
        long[] waits = new long[trials];
        for (int t = 0; t < trials; t++) {
            long fastEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(fastMs);
            while (System.nanoTime() < fastEnd) {
                outA.write(1);
                inA.read();
            }
            slow = true;
            outA.write(1);
            await(slowStarted, "A's slow request to start");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // B's request arrives 5 ms into A's
            bSentAt = System.nanoTime();
            clientB.getOutputStream().write(1);
            waits[t] = await(bLatencies, "B's completion to reach a worker");
            inA.read(); // the slow reply
            slow = false;
        }
        for (int i = 0; i < workers.length; i++) {
            port.post(STOP, 0, null);
        }
        for (Thread w : workers) {
            w.join();
        }
        clientA.close();
        clientB.close();
        port.close();
        return waits;
    }

    private Thread worker(int slowMs, String name) {
        return Thread.ofPlatform().name(name).start(() -> {
            CompletionEntry e = new CompletionEntry();
            while (port.dequeue(e).hasPacket() && e.key() != STOP) {
                if (e.overlapped() == readA) {
                    if (slow) {
                        slowStarted.add(true);
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(slowMs)); // a slow request's work
                    }
                    bufA.flip();
                    serverA.write(bufA, new Overlapped()); // its packet may still be queued at the next write (R67)
                    readNext(serverA, bufA, readA);
                } else if (e.overlapped() == readB) {
                    bLatencies.add(System.nanoTime() - bSentAt);
                    readNext(serverB, bufB, readB);
                }
            }
        });
    }

    /** Dissociates this thread from the port: a zero-timeout dequeue on a private port (R30, R31). */
    private static void leavePort() {
        try (CompletionPort elsewhere = CompletionPorts.open(PortOptions.withConcurrency(1))) {
            elsewhere.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS);
        }
    }

    private static void readNext(AsyncSocket s, ByteBuffer b, Overlapped ov) {
        b.clear();
        s.read(b, ov);
    }

    private AsyncSocket accept(AsyncServerSocket listener, long key) throws IOException {
        AsyncSocket s = port.io().openSocket();
        s.associate(port, key);
        listener.accept(s, new Overlapped());
        return s;
    }

    private void awaitAccept() {
        CompletionEntry e = new CompletionEntry();
        if (!port.dequeue(e, 10, TimeUnit.SECONDS).hasPacket() || e.error() != 0) {
            throw new IllegalStateException("accept failed: " + e.error());
        }
    }

    private static void report(long[] waits, int slowMs) {
        long[] us = Arrays.stream(waits).map(n -> n / 1000).sorted().toArray();
        String backstop = Boolean.parseBoolean(System.getProperty("iocp4j.epoll.backstopAlarm", "true"))
                ? "timerfd alarm" : "patrol";
        System.out.printf("backstop %s: B's completion reached its worker after (µs, %d trials, sorted) %s%n",
                backstop, us.length, Arrays.toString(us));
        System.out.printf("median %d µs, max %d µs (A's request took %d ms)%n", us[us.length / 2], us[us.length - 1], slowMs);
    }

    /** The next element, or an exception after 10 s: a worker died or the port lost the packet. */
    private static <T> T await(BlockingQueue<T> queue, String what) throws InterruptedException {
        T next = queue.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new IllegalStateException("waited 10 s for " + what + ": a worker failed (see its trace) or a "
                    + "completion was lost");
        }
        return next;
    }

    private static int intFlag(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
