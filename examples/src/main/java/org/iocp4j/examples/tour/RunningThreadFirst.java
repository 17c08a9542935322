package org.iocp4j.examples.tour;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortEvent;

/** A running thread that dequeues again takes the next packet ahead of sleeping waiters (R22). */
final class RunningThreadFirst implements Scenario {

    @Override
    public String title() {
        return "The running thread goes first";
    }

    @Override
    public List<String> intro() {
        return List.of(
                "Concurrency 1. worker-1 is busy with #1 while worker-2 sleeps in its dequeue; main posts #2.",
                "Notice: #2 waits for worker-1 to come back rather than waking worker-2, and worker-1",
                "takes it without sleeping: no context switch at all (R22, R23).");
    }

    @Override
    public Outcome run(Narrator n) throws Exception {
        AtomicLong first = new AtomicLong();
        AtomicLong second = new AtomicLong();
        AtomicBoolean finish = new AtomicBoolean();
        try (Scene scene = new Scene(n)) {
            CompletionPort port = scene.open(Narrator.MAIN_PORT, 1);
            scene.start("worker-1", () -> {
                CompletionEntry e = new CompletionEntry();
                port.dequeue(e);
                n.note("got #" + e.key() + " and works on it (a busy loop: it counts as active, R25)");
                first.set(e.key());
                while (!finish.get()) {
                    Thread.onSpinWait();
                }
                n.note("is done with #" + e.key() + " and dequeues again");
                port.dequeue(e);
                n.note("got #" + e.key() + " straight away; worker-2 sleeps on");
                second.set(e.key());
                // Stays alive until the close: if it exited, the port would notice (R29) at some
                // moment of its own and the lines would come in a different order from run to run.
                Await.until("the port is closed", port::isClosed);
            });
            Await.until("worker-1 waits", () -> port.stats().waitingThreads() == 1);
            port.post(1, 0, null);
            Await.until("worker-1 has #1", () -> first.get() == 1);
            scene.start("worker-2", () -> port.dequeue(new CompletionEntry()));
            Await.until("worker-2 waits", () -> port.stats().waitingThreads() == 1);
            port.post(2, 0, null);
            finish.set(true);
            Await.until("worker-1 has #2", () -> second.get() != 0);
            port.close();
        }
        Outcome o = new Outcome(title(), n.trace());
        boolean worker2Woken = o.indexOf(s -> s.is(PortEvent.HANDOFF, "worker-2")) >= 0;
        return o.claim("worker-1 took #2 from the queue itself, without waiting (R22)",
                        second.get() == 2 && o.indexOf(s -> s.is(PortEvent.DEQUEUE, "worker-1") && s.key() == 2) >= 0)
                .claim("worker-2 was never woken for a packet; only the close released it (R23, R33)",
                        !worker2Woken && o.indexOf(s -> s.is(PortEvent.ABANDON, "worker-2")) >= 0);
    }
}
