package org.iocp4j.sim.io.kernel;

import java.net.InetSocketAddress;
import java.util.Arrays;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.sim.io.SimIoOptions;

/**
 * One end of a simulated TCP connection: the bytes that arrived for it and wait to be read, and
 * the state of what it sends. A direction holds at most {@link SimIoOptions#socketBuffer()} bytes
 * in flight and unread together; a writer finding no room waits until its peer reads. Segments
 * of one direction arrive in order; a FIN or an RST follows the data sent before it.
 *
 * <p>Closing with unread bytes resets the connection (an RST instead of a FIN), and bytes that
 * arrive at a closed end are answered with an RST, as on Linux and Windows. After an RST every
 * operation on the connection fails with ERROR_NETNAME_DELETED and unread bytes are gone.
 */
final class Endpoint {
    private final SimKernel kernel;
    private final SimIoOptions options;
    final InetSocketAddress local;
    final InetSocketAddress remote;
    Endpoint peer;
    /** The socket reading and writing here; null before it is accepted or connected, and after close. */
    SimSocket owner;
    final ByteQueue received = new ByteQueue();
    /** Bytes sent to this end and not yet arrived. */
    private int inFlight;
    boolean finArrived;
    boolean reset;
    boolean outputShut;
    boolean closed;
    /** A write of ours waits for room at the peer. */
    private boolean writerWaiting;
    /** When the last segment, FIN or RST we sent arrives at the peer. */
    private long lastArrival;
    /** When our direction's link has put everything queued on the wire. */
    private long linkFreeAt;

    private Endpoint(SimKernel kernel, InetSocketAddress local, InetSocketAddress remote) {
        this.kernel = kernel;
        this.options = kernel.optionsValue();
        this.local = local;
        this.remote = remote;
    }

    /** A new connection between {@code client} and {@code server}: [client end, server end]. */
    static Endpoint[] connect(SimKernel kernel, InetSocketAddress client, InetSocketAddress server) {
        Endpoint c = new Endpoint(kernel, client, server);
        Endpoint s = new Endpoint(kernel, server, client);
        c.peer = s;
        s.peer = c;
        return new Endpoint[] {c, s};
    }

    /** Bytes we may still send before the peer's buffer is full. */
    int room() {
        return options.socketBuffer() - peer.received.size() - peer.inFlight;
    }

    /** A write found no room: tell it when the peer reads. */
    void waitForRoom() {
        writerWaiting = true;
    }

    /**
     * Sends {@code data} (at most {@link #room()} bytes) to the peer, in segments that each
     * arrive after the link's bandwidth, the latency and the jitter, and any injected delay. An
     * injected reset replaces a segment with an RST to both ends.
     */
    void send(byte[] data) {
        peer.inFlight += data.length;
        int size = options.segmentSize();
        for (int off = 0; off < data.length; off += size) {
            byte[] segment = Arrays.copyOfRange(data, off, Math.min(data.length, off + size));
            long start = Math.max(kernel.now(), linkFreeAt);
            linkFreeAt = start + (long) segment.length * 1_000_000_000L / options.bytesPerSecond();
            long arrive = willArrive(linkFreeAt + kernel.faults.delay());
            if (kernel.faults.reset()) {
                kernel.at(arrive, () -> resetOnTheWire(segment.length));
            } else {
                kernel.at(arrive, () -> peer.arrive(segment));
            }
        }
    }

    /** The arrival time of what leaves at {@code departure}: after the latency, the jitter, and all sent before. */
    private long willArrive(long departure) {
        long arrive = Math.max(departure + options.latencyNanos() + kernel.faults.jitter(), lastArrival);
        lastArrival = arrive;
        return arrive;
    }

    /** An injected fault: the segment never arrives; the peer is reset, and we hear of it one latency later. */
    private void resetOnTheWire(int lost) {
        peer.inFlight -= lost;
        peer.resetArrives();
        kernel.after(options.latencyNanos(), this::resetArrives);
    }

    /** A segment from the peer arrives here. */
    private void arrive(byte[] segment) {
        inFlight -= segment.length;
        if (reset) {
            return; // the connection is gone: dropped
        }
        if (closed) {
            reset = true; // nobody will read it: answer with an RST
            kernel.after(options.latencyNanos(), peer::resetArrives);
            return;
        }
        received.add(segment);
        kernel.bytesDelivered += segment.length;
        if (owner != null) {
            owner.readable();
        }
    }

    private void finArrives() {
        if (reset || closed) {
            return;
        }
        finArrived = true;
        if (owner != null) {
            owner.readable();
        }
    }

    /** An RST arrives: every pending and later operation fails with ERROR_NETNAME_DELETED. */
    void resetArrives() {
        if (reset) {
            return;
        }
        reset = true;
        received.clear();
        if (owner != null) {
            owner.onReady(PendingOp.Direction.READ);
            owner.onReady(PendingOp.Direction.WRITE);
        }
    }

    /** Our reader took {@code n} bytes: room opens, and a writer waiting at the peer hears of it one latency later. */
    void consumed(int n) {
        if (n > 0 && peer.writerWaiting) {
            peer.writerWaiting = false;
            kernel.after(options.latencyNanos(), peer::roomArrives);
        }
    }

    private void roomArrives() {
        if (owner != null) {
            owner.onReady(PendingOp.Direction.WRITE);
        }
    }

    /** shutdown(SD_SEND), or a graceful close: a FIN after every byte sent. */
    void sendFin() {
        if (outputShut || reset) {
            return;
        }
        outputShut = true;
        kernel.at(willArrive(Math.max(kernel.now(), linkFreeAt)), peer::finArrives);
    }

    /** Our socket closed: a FIN, or an RST if bytes we never read are left. */
    void close() {
        if (closed) {
            return;
        }
        if (!received.isEmpty()) {
            abort();
            return;
        }
        closed = true;
        owner = null;
        sendFin();
    }

    /** Resets the connection from this end (closed with unread bytes, or never accepted). */
    void abort() {
        closed = true;
        owner = null;
        if (reset) {
            return;
        }
        reset = true;
        received.clear();
        kernel.at(willArrive(kernel.now()), peer::resetArrives);
    }

    @Override
    public String toString() {
        return local + "->" + remote;
    }
}
