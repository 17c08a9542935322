package org.iocp4j.sim.io;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimRandom;
import org.iocp4j.sync.Sleep;

/**
 * Exactly once, under churn: workers open connections through one listener and, at random,
 * write, read, cancel and close them while dequeuing every packet from one shared port. Every
 * operation that answered success or pending must produce exactly one packet (R51, R53, R65, R71)
 * and nothing else may; at the end every handle is closed and the kernel's census is empty.
 * One instance is one simulated run.
 */
final class Churn {
    static final int WORKERS = 4;
    static final int CONNECTIONS_PER_WORKER = 250;
    static final int ACTIONS_PER_WORKER = 1000;

    /** One operation; it is its own Overlapped, so its packet leads back to it. */
    private static final class Op extends Overlapped {
        final String what;
        boolean expectsPacket;
        /** Done at once on a skip-mode socket: no packet may come (R56). */
        boolean skipped;
        int packets;

        Op(String what, Conn conn) {
            super(conn);
            this.what = what;
        }
    }

    /** One socket of a worker: a client (connects) or a server side (accepted). */
    private static final class Conn {
        final AsyncSocket socket;
        final String name;
        /** In skip-on-success mode: its operations done at once queue no packet (R56). */
        final boolean skip;
        boolean connected;
        boolean closed;
        final List<Op> inFlight = new ArrayList<>();

        Conn(AsyncSocket socket, String name, boolean skip) {
            this.socket = socket;
            this.name = name;
            this.skip = skip;
        }
    }

    private final Sim sim;
    private final CompletionPort port;
    private final List<Op> issued = new ArrayList<>();
    private final List<Conn> all = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private AsyncServerSocket listener;
    long packetsDequeued;
    long syncFailures;
    long cancelsThatHit;
    /** Operations done at once on a skip-mode socket: no packet (R56). */
    long skippedAtOnce;
    /** Operations expecting a packet that has not come yet. */
    private long awaiting;
    /** Posts one packet again before the final drain: the check must see it (a test of the check). */
    boolean plantDuplicate;
    /** Packets by operation and result, e.g. "read/ERROR_OPERATION_ABORTED". */
    final Map<String, Integer> outcomes = new TreeMap<>();

    Churn(Sim sim) {
        this.sim = sim;
        this.port = sim.openPort(WORKERS);
    }

    /** Runs the scenario; returns the problems found (empty when every operation had exactly one packet). */
    List<String> run() throws Exception {
        listener = port.io().openServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), WORKERS * CONNECTIONS_PER_WORKER);
        listener.associate(port, 0);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            long seed = sim.random().nextLong();
            int id = w;
            workers.add(sim.start("worker-" + w, () -> work(id, new SimRandom(seed))));
        }
        for (Thread t : workers) {
            sim.join(t);
        }
        for (Conn c : all) {
            c.socket.close(); // aborts what is pending: one packet each (R71)
        }
        listener.close();
        if (plantDuplicate) {
            issued.stream().filter(o -> o.packets == 1).findFirst()
                    .ifPresent(o -> port.post(0, o.bytesTransferred(), o));
        }
        drain();
        for (Op op : issued) {
            if (op.expectsPacket && op.packets == 0) {
                problems.add("lost: no packet for " + op.what + " (" + op + ")");
            }
        }
        port.close();
        try {
            sim.io().checkNoLeaks();
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    long operationsExpectingPackets() {
        return issued.stream().filter(o -> o.expectsPacket).count();
    }

    private void work(int id, SimRandom random) {
        try {
            List<Conn> mine = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS_PER_WORKER; i++) {
                Conn server = open("w" + id + "-server-" + i, 1 + 2L * (id * CONNECTIONS_PER_WORKER + i));
                Op accept = new Op("accept", server);
                issue(accept, () -> listener.accept(server.socket, accept));
                Conn client = open("w" + id + "-client-" + i, 2 + 2L * (id * CONNECTIONS_PER_WORKER + i));
                Op connect = new Op("connect", client);
                issue(connect, () -> client.socket.connect(listener.localAddress(), connect));
                mine.add(server);
                mine.add(client);
            }
            CompletionEntry e = new CompletionEntry();
            for (int step = 0; step < ACTIONS_PER_WORKER; ) {
                // a worker waits on the port, and acts when it wakes up, as IOCP servers do
                if (random.nextBoolean()) {
                    if (port.dequeue(e, 1 + random.nextInt(2), TimeUnit.MILLISECONDS).hasPacket()) {
                        received(e.overlapped(), e.bytes(), e.error());
                    }
                } else { // GetQueuedCompletionStatusEx
                    port.poll((key, bytes, ov, error) -> received(ov, bytes, error), 16, 1 + random.nextInt(2),
                            TimeUnit.MILLISECONDS);
                }
                step++;
                for (int n = random.nextInt(4); n > 0; n--, step++) {
                    act(mine.get(random.nextInt(mine.size())), random);
                    Sleep.sleep(Duration.ofNanos(random.nextInt(100_000))); // the work an action takes
                }
            }
        } catch (IOException | InterruptedException e) {
            problems.add("worker " + id + ": " + e);
        }
    }

    /** One random action on {@code c}: write, read, cancel one of its operations, or close it. */
    private void act(Conn c, SimRandom random) {
        if (c.closed) {
            return;
        }
        int roll = random.nextInt(100);
        if (roll < 40 && c.connected) {
            byte[] data = new byte[1 + random.nextInt(4000)];
            Op op = new Op("write", c);
            issue(op, () -> c.socket.write(ByteBuffer.wrap(data), op));
        } else if (roll < 75 && c.connected) {
            ByteBuffer into = ByteBuffer.allocate(1 + random.nextInt(4096));
            Op op = new Op("read", c);
            issue(op, () -> c.socket.read(into, op));
        } else if (roll < 93 && !c.inFlight.isEmpty()) {
            Op victim = c.inFlight.get(random.nextInt(c.inFlight.size()));
            boolean handshake = victim.what.equals("accept") || victim.what.equals("connect");
            if ((!handshake || random.nextInt(5) == 0) && cancel(c, victim) == Win32Error.ERROR_SUCCESS) {
                cancelsThatHit++;
            }
        } else if (roll >= 97) {
            c.closed = true;
            c.socket.close(); // aborts its pending operations: one packet each (R71)
        }
    }

    /** CancelIoEx on one operation; a cancel that hits completes it with ERROR_OPERATION_ABORTED (R65). */
    private static int cancel(Conn c, Op victim) {
        return c.socket.cancel(victim);
    }

    private Conn open(String name, long key) throws IOException {
        Conn c = new Conn(port.io().openSocket(), name, key % 4 == 1); // a quarter in skip mode
        if (c.skip) {
            c.socket.setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        }
        c.socket.associate(port, key);
        all.add(c);
        return c;
    }

    /**
     * Issues {@code op}: counted as expecting a packet before the call (a worker may dequeue it
     * before the call returns), and no longer if it failed at once (R52).
     */
    private void issue(Op op, IntSupplier call) {
        issued.add(op);
        op.expectsPacket = true;
        awaiting++;
        int answer = call.getAsInt();
        Conn conn = (Conn) op.attachment();
        if (answer == Win32Error.ERROR_SUCCESS && conn.skip && !op.what.equals("accept")) { // the listener's mode counts
            op.skipped = true; // R56: done at once, no packet; finished here as a packet would be
            op.expectsPacket = false;
            awaiting--;
            skippedAtOnce++;
            if (op.packets > 0) {
                problems.add(op.what + " of " + conn.name + " was done at once in skip mode (R56) but queued a packet");
            }
            outcomes.merge(op.what + "/done at once, skipped", 1, Integer::sum);
            if (op.what.equals("connect")) {
                conn.connected = true;
            }
            return;
        }
        if (answer == Win32Error.ERROR_SUCCESS || answer == Win32Error.ERROR_IO_PENDING) {
            if (op.isInFlight() && op.packets == 0) {
                ((Conn) op.attachment()).inFlight.add(op);
            }
            return;
        }
        op.expectsPacket = false;
        awaiting--;
        syncFailures++;
        if (op.packets > 0) {
            problems.add(op.what + " failed at once (" + Win32Error.describe(answer) + ") but queued a packet");
        }
    }

    private void received(Object overlapped, int bytes, int error) {
        packetsDequeued++;
        if (!(overlapped instanceof Op op)) {
            problems.add("a packet for no operation: " + overlapped);
            return;
        }
        op.packets++;
        if (op.packets == 1 && op.expectsPacket) {
            awaiting--;
        }
        Conn c = (Conn) op.attachment();
        c.inFlight.remove(op);
        if (op.packets > 1) {
            problems.add("duplicate: packet " + op.packets + " for " + op.what + " of " + c.name);
        }
        if (!op.expectsPacket) {
            problems.add("a packet for " + op.what + " of " + c.name + (op.skipped
                    ? ", which was done at once in skip mode (R56)" : ", which failed at once"));
        }
        if (op.isInFlight() || op.error() != error || op.bytesTransferred() != bytes) {
            problems.add("the packet of " + op.what + " of " + c.name + " disagrees with its Overlapped: " + op);
        }
        outcomes.merge(op.what + "/" + Win32Error.nameOf(error), 1, Integer::sum);
        if (error == 0 && (op.what.equals("accept") || op.what.equals("connect"))) {
            c.connected = true;
        }
    }

    /** Takes packets until every operation has its own, then whatever else comes: a second one is a duplicate. */
    private void drain() {
        CompletionEntry e = new CompletionEntry();
        while (awaiting > 0) {
            if (!port.dequeue(e, 1, TimeUnit.SECONDS).hasPacket()) {
                return; // what is missing is reported as lost
            }
            received(e.overlapped(), e.bytes(), e.error());
        }
        while (port.dequeue(e, 10, TimeUnit.MILLISECONDS).hasPacket()) {
            received(e.overlapped(), e.bytes(), e.error());
        }
    }
}
