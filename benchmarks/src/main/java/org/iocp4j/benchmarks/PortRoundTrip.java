package org.iocp4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;
import org.openjdk.jmh.infra.Control;

/** {@link RoundTrip} through two iocp4j ports ({@code "java"} backend), concurrency 1 each. */
public class PortRoundTrip extends RoundTrip {
    private final CompletionPort[] lanes = new CompletionPort[2];

    /** For JMH. */
    public PortRoundTrip() {}

    @Override
    protected void open() {
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = CompletionPorts.open("java", PortOptions.withConcurrency(1));
        }
    }

    @Override
    protected void send(int lane) {
        lanes[lane].post(lane, 0, Handoff.ITEM);
    }

    @Override
    protected boolean receive(int lane, PerThread me, Control control) {
        while (!control.stopMeasurement) {
            if (lanes[lane].dequeue(me.entry, Handoff.WAIT_MS, TimeUnit.MILLISECONDS).hasPacket()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void close() {
        for (CompletionPort p : lanes) {
            if (p != null) {
                p.close();
            }
        }
    }
}
