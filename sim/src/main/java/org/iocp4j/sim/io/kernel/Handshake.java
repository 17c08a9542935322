package org.iocp4j.sim.io.kernel;

import java.net.InetSocketAddress;
import org.iocp4j.internal.io.PendingOp;

/**
 * One connection request (ConnectEx): the SYN reaches the listener at {@code remote} one latency
 * later, where a backlog slot makes the connection (the listener can accept it at once) or its
 * absence refuses it; the client hears either one latency after that.
 */
final class Handshake {
    private final SimKernel kernel;
    private final SimSocket client;
    final InetSocketAddress local;
    final InetSocketAddress remote;
    /** The client's end, once the client knows the connection is made. */
    Endpoint established;
    boolean refused;
    private boolean abandoned;

    Handshake(SimKernel kernel, SimSocket client, InetSocketAddress remote) {
        this.kernel = kernel;
        this.client = client;
        this.remote = remote;
        this.local = kernel.ephemeral(remote);
    }

    void start() {
        long latency = kernel.optionsValue().latencyNanos();
        kernel.after(latency + kernel.faults.jitter(), this::synArrives);
    }

    private void synArrives() {
        if (abandoned) {
            return;
        }
        long latency = kernel.optionsValue().latencyNanos();
        SimServerSocket listener = kernel.listenerAt(remote);
        Endpoint[] ends = Endpoint.connect(kernel, local, remote);
        if (listener == null || !listener.offer(ends[1])) {
            kernel.refused++;
            kernel.after(latency + kernel.faults.jitter(), this::refusalArrives);
            return;
        }
        kernel.connections++;
        kernel.after(latency + kernel.faults.jitter(), () -> synAckArrives(ends[0]));
    }

    private void synAckArrives(Endpoint mine) {
        if (abandoned) {
            mine.abort(); // the client gave up meanwhile: the server's end is reset
            return;
        }
        established = mine;
        client.onReady(PendingOp.Direction.WRITE);
    }

    private void refusalArrives() {
        if (!abandoned) {
            refused = true;
            client.onReady(PendingOp.Direction.WRITE);
        }
    }

    /** The connect failed, was cancelled or its socket closed: whatever comes later is dropped. */
    void abandon() {
        abandoned = true;
        if (established != null) {
            established.abort();
        }
    }
}
