package org.iocp4j.conformance;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionHandler;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortStats;

/**
 * The port a suite works with: the backend's port, passed through unchanged (arguments, results,
 * exceptions), with a count of every packet posted and every packet removed, so the invariant check
 * can say whether any packet was delivered twice, or lost: after the close, every posted packet
 * must have been removed or have been queued when the port closed (R38).
 */
final class CheckedPort implements CompletionPort {
    private final CompletionPort port;
    private final String label;
    private final Function<CompletionPort, String> invariants;
    /** What {@link #invariants} said just before the close, or null. Guarded by this. */
    private String brokenAtClose;
    /** Posted and removed counts per (key, bytes, overlapped identity). Guarded by this. */
    private final Map<PacketId, int[]> counts = new HashMap<>();
    private long posted;
    private long removed;
    /** Packets queued just before the close; -1 before the close or if the backend cannot say. Guarded by this. */
    private int queuedAtClose = -1;
    private boolean closedHere;

    /**
     * Wraps {@code port}; {@code invariants} (the fixture's check, null for none) is also run just
     * before the close, where the state is still interesting.
     */
    CheckedPort(CompletionPort port, String label, Function<CompletionPort, String> invariants) {
        this.port = port;
        this.label = label;
        this.invariants = invariants;
    }

    /** The backend's port, for {@link BackendFixture#invariantViolation}. */
    CompletionPort backendPort() {
        return port;
    }

    @Override
    public String backend() {
        return port.backend();
    }

    @Override
    public PortCapabilities capabilities() {
        return port.capabilities();
    }

    @Override
    public int concurrency() {
        return port.concurrency();
    }

    @Override
    public void post(long key, int bytes, Object overlapped) {
        count(key, bytes, overlapped, 0, 1); // counted first: a waiter may remove it before post returns
        try {
            port.post(key, bytes, overlapped);
        } catch (RuntimeException | Error e) {
            count(key, bytes, overlapped, 0, -1);
            throw e;
        }
    }

    @Override
    public DequeueStatus dequeue(CompletionEntry into) {
        return removedInto(into, port.dequeue(into));
    }

    @Override
    public DequeueStatus dequeue(CompletionEntry into, long timeout, TimeUnit unit) {
        return removedInto(into, port.dequeue(into, timeout, unit));
    }

    @Override
    public DequeueStatus poll(CompletionHandler handler, int limit) {
        return port.poll(counting(handler), limit);
    }

    @Override
    public DequeueStatus poll(CompletionHandler handler, int limit, long timeout, TimeUnit unit) {
        return port.poll(counting(handler), limit, timeout, unit);
    }

    @Override
    public PortStats stats() {
        return port.stats();
    }

    @Override
    public boolean isClosed() {
        return port.isClosed();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (!closedHere && !port.isClosed()) {
                brokenAtClose = invariants == null ? null : invariants.apply(port);
                int q = port.stats().queuedPackets();
                queuedAtClose = q == PortStats.UNKNOWN ? -1 : q;
            }
            closedHere = true;
        }
        port.close();
    }

    /**
     * A broken invariant just before the close; packets removed more often than posted, or (once
     * closed) posted packets neither removed nor dropped by the close; null when all is well.
     */
    synchronized String accountingViolation() {
        StringBuilder sb = new StringBuilder();
        if (brokenAtClose != null) {
            sb.append(label).append(" broke an invariant just before its close: ").append(brokenAtClose).append("; ");
        }
        for (Map.Entry<PacketId, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[1] > c[0]) {
                sb.append(label).append(": ").append(e.getKey()).append(" was posted ").append(c[0])
                        .append(" time(s) but removed ").append(c[1]).append(" time(s); ");
            }
        }
        if (closedHere && queuedAtClose >= 0 && posted - removed != queuedAtClose) {
            sb.append(label).append(": ").append(posted).append(" posted, ").append(removed)
                    .append(" removed and ").append(queuedAtClose).append(" queued at the close: ")
                    .append(posted - removed - queuedAtClose).append(" packet(s) lost; ");
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private DequeueStatus removedInto(CompletionEntry into, DequeueStatus s) {
        if (s.hasPacket()) {
            count(into.key(), into.bytes(), into.overlapped(), 1, 1);
        }
        return s;
    }

    private CompletionHandler counting(CompletionHandler handler) {
        if (handler == null) {
            return null; // the backend must see the bad argument as given
        }
        return (key, bytes, overlapped, error) -> {
            count(key, bytes, overlapped, 1, 1);
            handler.onCompletion(key, bytes, overlapped, error);
        };
    }

    private synchronized void count(long key, int bytes, Object overlapped, int which, int delta) {
        counts.computeIfAbsent(new PacketId(key, bytes, overlapped), k -> new int[2])[which] += delta;
        if (which == 0) {
            posted += delta;
        } else {
            removed += delta;
        }
    }

    @Override
    public String toString() {
        return label;
    }

    /** A packet's values, the overlapped compared by identity (R16: nothing is interpreted). */
    private static final class PacketId {
        final long key;
        final int bytes;
        final Object overlapped;

        PacketId(long key, int bytes, Object overlapped) {
            this.key = key;
            this.bytes = bytes;
            this.overlapped = overlapped;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PacketId p && p.key == key && p.bytes == bytes && p.overlapped == overlapped;
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(key) * 31 + bytes) * 31 + System.identityHashCode(overlapped);
        }

        @Override
        public String toString() {
            return "packet(key " + key + ", bytes " + Integer.toUnsignedString(bytes) + ", overlapped " + overlapped + ")";
        }
    }
}
