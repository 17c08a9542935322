package org.iocp4j.examples.tour;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortEvent;

/**
 * The remedy from Raymond Chen's article: a thread that stops serving a port leaves it by
 * dequeuing on a private port with a zero timeout (R30, R31), and keeps running.
 */
final class Dissociation implements Scenario {

    @Override
    public String title() {
        return "Leaving a port without blocking (Raymond Chen, 2021)";
    }

    @Override
    public List<String> intro() {
        return List.of(
                "The same start: concurrency 1, #1 and #2 posted, worker-1 busy with #1, worker-2 asleep.",
                "Now worker-1 turns to other work: it dequeues once on a private port with timeout 0.",
                "Notice: that hands its slot, and #2, to worker-2 while worker-1 keeps running (R30, R31).");
    }

    @Override
    public Outcome run(Narrator n) throws Exception {
        AtomicLong first = new AtomicLong();
        AtomicLong second = new AtomicLong();
        AtomicBoolean leave = new AtomicBoolean();
        AtomicBoolean away = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean spinningWhenHandedOver = new AtomicBoolean();
        try (Scene scene = new Scene(n)) {
            CompletionPort port = scene.open(Narrator.MAIN_PORT, 1);
            port.post(1, 0, null);
            port.post(2, 0, null);
            scene.start("worker-1", () -> {
                CompletionEntry e = new CompletionEntry();
                port.dequeue(e);
                n.note("got #" + e.key() + " and spins: busy, so still active (R25)");
                first.set(e.key());
                while (!leave.get()) {
                    Thread.onSpinWait();
                }
                n.note("turns to other work: a zero-timeout dequeue on a private port first");
                try (CompletionPort mine = n.open("private", 1)) {
                    DequeueStatus s = mine.dequeue(e, 0, MILLISECONDS);
                    n.note("private dequeue: " + s + "; it closes that port and spins on, uncounted");
                }
                away.set(true);
                while (!done.get()) {
                    Thread.onSpinWait();
                }
            });
            Await.until("worker-1 spins", () -> first.get() != 0);
            scene.start("worker-2", () -> {
                CompletionEntry e = new CompletionEntry();
                port.dequeue(e);
                spinningWhenHandedOver.set(!done.get());
                Await.until("worker-1 is away", away::get); // keeps the lines in a readable order
                n.note("got #" + e.key() + " while worker-1 was running all along");
                second.set(e.key());
            });
            Await.until("worker-2 waits", () -> port.stats().waitingThreads() == 1);
            leave.set(true);
            Await.until("worker-2 has #2", () -> second.get() != 0);
            done.set(true);
        }
        Outcome o = new Outcome(title(), n.trace());
        int left = o.indexOf(s -> s.is(PortEvent.DISSOCIATE, "worker-1"));
        int handed = o.indexOf(s -> s.is(PortEvent.HANDOFF, "worker-2"));
        return o.claim("worker-2 got #2 as soon as worker-1 left the port (R30, R31)",
                        second.get() == 2 && left >= 0 && handed == left + 1)
                .claim("worker-1 never blocked: it was running all along",
                        o.indexOf(s -> s.is(PortEvent.BLOCK, "worker-1")) < 0 && spinningWhenHandedOver.get());
    }
}
