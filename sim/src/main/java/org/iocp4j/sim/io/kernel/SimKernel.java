package org.iocp4j.sim.io.kernel;

import java.net.InetSocketAddress;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.iocp4j.internal.Seam;
import org.iocp4j.internal.ThreadRecord;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.io.SimIo;
import org.iocp4j.sim.io.SimIoOptions;
import org.iocp4j.sim.io.SimIoStats;

/**
 * The simulated kernel of one run: a timeline of events in virtual time (segments arriving,
 * handshakes, file operations finishing) and one simulated thread, {@code kernel}, that sleeps
 * until the next event and carries it out, as Netty's loop threads do for epoll. Its events call
 * {@link org.iocp4j.internal.io.EmulatedIoHandle#onReady}, so operations that had to wait
 * complete through the very code the real backends use.
 *
 * <p>Everything here is touched only by the simulated thread holding the turn, and never with a
 * scheduling point inside a handle's lock, so it needs no locks of its own.
 */
public final class SimKernel implements SimIo {
    private static final long RUNNING = -1;
    private static final long FAULT_SALT = 0x10FA_17L;

    private final Sim sim;
    private final SimIoOptions options;
    final Faults faults;
    final FileStore files = new FileStore();
    private final PriorityQueue<Event> timeline = new PriorityQueue<>();
    private final Map<InetSocketAddress, SimServerSocket> listeners = new HashMap<>();
    private final LinkedHashMap<Integer, Object> open = new LinkedHashMap<>();
    private long sequence;
    private Thread thread;
    private Seam seam;
    /** The virtual time the kernel thread sleeps until, MAX_VALUE for no event, or RUNNING. */
    private long parkedUntil = RUNNING;
    private int handleIds;
    private int nextEphemeral = 49152;
    long connections;
    long refused;
    long bytesDelivered;
    private long handlesOpened;

    /** The I/O of {@code sim}'s run; made by {@link Sim#io()}. */
    public SimKernel(Sim sim, SimIoOptions options) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.options = Objects.requireNonNull(options, "options");
        this.faults = new Faults(sim.seed() ^ FAULT_SALT, options);
    }

    /** One thing the kernel does at a virtual instant; ties are broken by the order of scheduling. */
    private record Event(long at, long sequence, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    // ---- the kernel thread -------------------------------------------------------------------

    /** Checks that the caller is a thread of this run; starts the kernel thread on first use. */
    void enter(String what) {
        if (!isOurs()) {
            throw new IllegalStateException(what + " on a simulated handle was called from thread '"
                    + Thread.currentThread().getName() + "', which its simulation does not run: use simulated"
                    + " sockets and files only from the run's scenario and the threads it starts with Sim.start");
        }
        if (thread == null) {
            thread = sim.start("kernel", this::loop);
        }
    }

    /** True on a simulated thread of this run. */
    boolean isOurs() {
        return Sim.isSimulated() && Sim.current() == sim;
    }

    /** An I/O call is a scheduling point, taken before any lock. */
    void schedulingPoint() {
        ThreadRecord.current().seam().schedulingPoint();
    }

    private void loop() {
        seam = ThreadRecord.current().seam();
        while (true) {
            Event next = timeline.peek();
            if (next == null) {
                sleepUntil(Long.MAX_VALUE);
            } else if (next.at > sim.nanoTime()) {
                sleepUntil(next.at);
            } else {
                timeline.poll();
                next.action.run();
                seam.schedulingPoint(); // the others may act between two events of one instant
            }
        }
    }

    private void sleepUntil(long until) {
        parkedUntil = until;
        try {
            if (until == Long.MAX_VALUE) {
                seam.park(this);
            } else {
                seam.parkNanos(this, until - sim.nanoTime());
            }
        } finally {
            parkedUntil = RUNNING;
        }
    }

    /** Virtual time now. */
    long now() {
        return sim.nanoTime();
    }

    /** Runs {@code action} on the kernel thread at virtual time {@code time} (now if past). */
    void at(long time, Runnable action) {
        long when = Math.max(time, now());
        timeline.add(new Event(when, sequence++, action));
        if (parkedUntil != RUNNING && when < parkedUntil) {
            parkedUntil = RUNNING;
            seam.unpark(thread); // the kernel's own seam wakes the kernel
        }
    }

    /** Runs {@code action} on the kernel thread {@code delay} from now. */
    void after(long delay, Runnable action) {
        at(now() + delay, action);
    }

    SimIoOptions optionsValue() {
        return options;
    }

    // ---- addresses ---------------------------------------------------------------------------

    /** Binds {@code listener} at {@code local} (port 0: an ephemeral one); null if the address is taken. */
    InetSocketAddress bind(SimServerSocket listener, InetSocketAddress local) {
        InetSocketAddress at = local.getPort() == 0 ? ephemeral(local) : local;
        if (listeners.containsKey(at)) {
            return null;
        }
        listeners.put(at, listener);
        return at;
    }

    void unbind(InetSocketAddress at, SimServerSocket listener) {
        listeners.remove(at, listener);
    }

    /** The listener a connection request to {@code remote} reaches: bound there, or to the wildcard. */
    SimServerSocket listenerAt(InetSocketAddress remote) {
        SimServerSocket l = listeners.get(remote);
        if (l == null) {
            for (Map.Entry<InetSocketAddress, SimServerSocket> e : listeners.entrySet()) {
                if (e.getKey().getAddress().isAnyLocalAddress() && e.getKey().getPort() == remote.getPort()) {
                    return e.getValue();
                }
            }
        }
        return l;
    }

    /** A free ephemeral port on {@code near}'s address. */
    InetSocketAddress ephemeral(InetSocketAddress near) {
        for (int tries = 0; tries < 16384; tries++) {
            int port = nextEphemeral;
            nextEphemeral = port == 65535 ? 49152 : port + 1;
            InetSocketAddress a = new InetSocketAddress(near.getAddress(), port);
            if (!listeners.containsKey(a)) {
                return a;
            }
        }
        throw new IllegalStateException("no ephemeral port left on " + near.getAddress());
    }

    // ---- the census --------------------------------------------------------------------------

    int register(Object handle) {
        int id = ++handleIds;
        open.put(id, handle);
        handlesOpened++;
        return id;
    }

    void unregister(int id) {
        open.remove(id);
    }

    @Override
    public List<String> openHandles() {
        List<String> out = new ArrayList<>(open.size());
        for (Object h : open.values()) {
            out.add(h.toString());
        }
        return out;
    }

    @Override
    public void checkNoLeaks() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " simulated handle(s) still open (leaked): "
                    + String.join(", ", openHandles()));
        }
    }

    @Override
    public SimIoStats stats() {
        return new SimIoStats(connections, refused, bytesDelivered, faults.resets, faults.shortReads, faults.delays,
                faults.cancelRaces, handlesOpened, open.size());
    }

    @Override
    public SimIoOptions options() {
        return options;
    }

    @Override
    public void writeFile(Path path, byte[] content) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        files.replace(path, content);
    }

    @Override
    public byte[] readFile(Path path) throws NoSuchFileException {
        Objects.requireNonNull(path, "path");
        return files.content(path);
    }

    @Override
    public String toString() {
        return "SimIo[" + open.size() + " open handle(s), " + timeline.size() + " event(s) pending]";
    }
}
