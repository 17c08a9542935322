package org.iocp4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Control;

/**
 * The iocp4j port ({@code "java"} backend, the engine itself) as the channel: producers post,
 * consumers {@code dequeue} into a reused entry or take batches with {@code poll(handler, 64)}.
 * The concurrency maximum is the number of consumers, so every consumer may run (R1, R15).
 */
public class PortHandoff extends Handoff {
    /** {@code dequeue}: one packet per call; {@code poll64}: up to 64 per call (R47). */
    @Param({"dequeue", "poll64"})
    public String api;

    private CompletionPort port;
    private boolean batch;

    /** For JMH. */
    public PortHandoff() {}

    @Override
    protected void open(int consumers) {
        batch = switch (api) {
            case "dequeue" -> false;
            case "poll64" -> true;
            default -> throw new IllegalArgumentException("api must be dequeue or poll64, got " + api);
        };
        port = CompletionPorts.open("java", PortOptions.withConcurrency(consumers));
    }

    @Override
    protected void send(Control control) {
        port.post(1, 0, ITEM);
    }

    @Override
    protected int receive(PerThread me, Control control) {
        while (!control.stopMeasurement) {
            if (batch) {
                if (port.poll(me, 64, WAIT_MS, TimeUnit.MILLISECONDS) == DequeueStatus.COMPLETED) {
                    return me.takeDelivered();
                }
            } else if (port.dequeue(me.entry, WAIT_MS, TimeUnit.MILLISECONDS).hasPacket()) {
                return 1;
            }
        }
        return 0;
    }

    @Override
    protected void close() {
        port.close();
    }
}
