package org.iocp4j.benchmarks;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Control;

/** {@link RoundTrip} through two JDK blocking queues. */
public class QueueRoundTrip extends RoundTrip {
    @Param({"ArrayBlockingQueue", "LinkedBlockingQueue", "LinkedTransferQueue"})
    public String queue;

    private List<BlockingQueue<Object>> lanes = List.of();

    /** For JMH. */
    public QueueRoundTrip() {}

    @Override
    protected void open() {
        lanes = List.of(Queues.create(queue), Queues.create(queue));
    }

    @Override
    protected void send(int lane) throws InterruptedException {
        lanes.get(lane).put(Handoff.ITEM);
    }

    @Override
    protected boolean receive(int lane, PerThread me, Control control) throws InterruptedException {
        while (!control.stopMeasurement) {
            if (lanes.get(lane).poll(Handoff.WAIT_MS, TimeUnit.MILLISECONDS) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void close() {
        lanes = List.of(); // the queues are garbage; nothing else holds them
    }
}
