package org.iocp4j.benchmarks;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Control;

/**
 * A JDK blocking queue as the channel: producers {@code offer} with a timeout (blocking while an
 * ArrayBlockingQueue is full), consumers {@code poll} with a timeout.
 */
public class QueueHandoff extends Handoff {
    @Param({"ArrayBlockingQueue", "LinkedBlockingQueue", "LinkedTransferQueue"})
    public String queue;

    private BlockingQueue<Object> channel;

    /** For JMH. */
    public QueueHandoff() {}

    @Override
    protected void open(int consumers) {
        channel = Queues.create(queue);
    }

    @Override
    protected void send(Control control) throws InterruptedException {
        while (!channel.offer(ITEM, WAIT_MS, TimeUnit.MILLISECONDS) && !control.stopMeasurement) {
            // full: wait again unless the measurement is over
        }
    }

    @Override
    protected int receive(PerThread me, Control control) throws InterruptedException {
        while (!control.stopMeasurement) {
            if (channel.poll(WAIT_MS, TimeUnit.MILLISECONDS) != null) {
                return 1;
            }
        }
        return 0;
    }

    @Override
    protected void close() {
        channel.clear();
    }
}
