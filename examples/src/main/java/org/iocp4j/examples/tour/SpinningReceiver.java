package org.iocp4j.examples.tour;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.iocp4j.Blocking;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortEvent;
import org.iocp4j.PortStats;

/**
 * Raymond Chen's example (2021): concurrency 1, two packets, the first receiver spins, so the
 * second stays asleep although a packet waits (R23, R25), until the first one blocks (R26).
 */
final class SpinningReceiver implements Scenario {

    @Override
    public String title() {
        return "A spinning receiver keeps the only slot (Raymond Chen, 2021)";
    }

    @Override
    public List<String> intro() {
        return List.of(
                "Concurrency 1; main posts #1 and #2; worker-1 takes #1 and spins; worker-2 dequeues.",
                "Notice: worker-2 sleeps while #2 waits, and gets it the moment worker-1 blocks;",
                "when worker-1 runs again, two threads are active on a port of concurrency 1.");
    }

    @Override
    public Outcome run(Narrator n) throws Exception {
        AtomicLong first = new AtomicLong();
        AtomicLong second = new AtomicLong();
        AtomicBoolean stopSpinning = new AtomicBoolean();
        AtomicBoolean back = new AtomicBoolean();
        CountDownLatch unblock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PortStats starved;
        try (Scene scene = new Scene(n)) {
            CompletionPort port = scene.open(Narrator.MAIN_PORT, 1);
            port.post(1, 0, null);
            port.post(2, 0, null);
            scene.start("worker-1", () -> {
                CompletionEntry e = new CompletionEntry();
                port.dequeue(e);
                n.note("got #" + e.key() + " and spins: busy, not blocked, so still active (R25)");
                first.set(e.key());
                while (!stopSpinning.get()) {
                    Thread.onSpinWait();
                }
                n.note("stops spinning and waits on a latch inside Blocking.run, which the port sees");
                Blocking.run(unblock::await);
                n.note("is back from its wait");
                back.set(true);
            });
            Await.until("worker-1 spins", () -> first.get() != 0);
            scene.start("worker-2", () -> {
                CompletionEntry e = new CompletionEntry();
                port.dequeue(e);
                n.note("got #" + e.key());
                second.set(e.key());
                try {
                    release.await(); // stay alive (and active) until worker-1 is back: no R29 exit meanwhile
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            });
            Await.until("worker-2 waits", () -> port.stats().waitingThreads() == 1);
            starved = port.stats();
            n.note("sees " + starved.queuedPackets() + " packet queued and " + starved.waitingThreads()
                    + " thread asleep: the slot is worker-1's");
            stopSpinning.set(true);
            Await.until("worker-2 has #2", () -> second.get() != 0);
            unblock.countDown();
            Await.until("worker-1 is back", back::get);
            release.countDown();
        }
        Outcome o = new Outcome(title(), n.trace());
        int blocked = o.indexOf(s -> s.is(PortEvent.BLOCK, "worker-1"));
        int handed = o.indexOf(s -> s.is(PortEvent.HANDOFF, "worker-2"));
        int unblocked = o.indexOf(s -> s.is(PortEvent.UNBLOCK, "worker-1"));
        return o.claim("worker-2 slept while #2 was queued: 1 of 1 threads active (R23)",
                        starved.queuedPackets() == 1 && starved.waitingThreads() == 1)
                .claim("worker-2 got #2 only after worker-1 blocked (R26)",
                        second.get() == 2 && blocked >= 0 && handed > blocked)
                .claim("worker-1 came back over the maximum: 2 of 1 active (R27)",
                        unblocked > handed && o.trace().get(unblocked).active() == 2);
    }
}
