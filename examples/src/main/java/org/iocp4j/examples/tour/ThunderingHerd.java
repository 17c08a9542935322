package org.iocp4j.examples.tour;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortEvent;

/** The thundering herd: notifyAll wakes every sleeper for one job; a port wakes one thread. */
final class ThunderingHerd implements Scenario {
    private static final int THREADS = 4;

    @Override
    public String title() {
        return "The thundering herd that a port avoids";
    }

    @Override
    public List<String> intro() {
        return List.of(
                "First, a naive pool: " + THREADS + " threads sleep on one monitor; one job arrives and",
                "notifyAll wakes them all, though only one can have it. Then " + THREADS + " threads sleep",
                "on a port and one packet arrives.",
                "Notice: the port wakes exactly one thread and the others sleep on (R14, R15).");
    }

    @Override
    public Outcome run(Narrator n) throws Exception {
        MonitorPool herd = new MonitorPool(THREADS);
        int woken = herd.oneJob();
        n.note("one job, notifyAll: " + woken + " threads woke, 1 took the job, "
                + (woken - 1) + " went back to sleep");
        AtomicReference<String> winner = new AtomicReference<>();
        int stillAsleep;
        try (Scene scene = new Scene(n)) {
            CompletionPort port = scene.open(Narrator.MAIN_PORT, THREADS);
            for (int i = 1; i <= THREADS; i++) {
                int waiting = i;
                scene.start("worker-" + i, () -> {
                    CompletionEntry e = new CompletionEntry();
                    if (port.dequeue(e).hasPacket()) {
                        winner.set(Thread.currentThread().getName());
                    }
                });
                Await.until(waiting + " workers wait", () -> port.stats().waitingThreads() == waiting);
            }
            port.post(1, 0, null);
            Await.until("a worker has the packet", () -> winner.get() != null);
            stillAsleep = port.stats().waitingThreads();
            n.note("one packet: " + winner.get() + " woke and has it; " + stillAsleep
                    + " threads slept on (until the close)");
        }
        List<Step> trace = n.trace();
        long handoffs = trace.stream().filter(s -> s.event() == PortEvent.HANDOFF).count();
        return new Outcome(title(), trace)
                .claim("notifyAll woke all " + THREADS + " threads for one job", woken >= THREADS)
                .claim("the port woke exactly one thread for one packet, the newest waiter (R14, R15)",
                        handoffs == 1 && ("worker-" + THREADS).equals(winner.get()))
                .claim("the other " + (THREADS - 1) + " stayed asleep until the close", stillAsleep == THREADS - 1);
    }
}
