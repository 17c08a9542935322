package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.sync.Sleep;
import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    void recordsPortAndSchedulerEventsWithTimeAndThread() {
        SimResult r = Sim.run(1, sim -> {
            CompletionPort port = sim.openPort(1);
            AtomicBoolean timedOut = new AtomicBoolean();
            Thread w = sim.start("worker", () -> {
                CompletionEntry e = new CompletionEntry();
                port.dequeue(e, 5, TimeUnit.MILLISECONDS); // times out at 5 ms
                timedOut.set(true);
                port.dequeue(e);
                try {
                    Sleep.sleep(Duration.ofMillis(1)); // associated: BLOCK and UNBLOCK (R26, R27)
                } catch (InterruptedException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            sim.awaitUntil("worker waits again", () -> timedOut.get() && port.stats().waitingThreads() == 1);
            port.post(9, 3, null);
            sim.join(w);
            port.close();
        });
        r.assertPassed();
        List<TraceEvent.Kind> kinds = r.trace().events().stream().map(TraceEvent::kind).toList();
        for (TraceEvent.Kind k : List.of(TraceEvent.Kind.START, TraceEvent.Kind.ASSOCIATE, TraceEvent.Kind.WAIT,
                TraceEvent.Kind.PARK, TraceEvent.Kind.TIMER, TraceEvent.Kind.TIMEOUT, TraceEvent.Kind.POST,
                TraceEvent.Kind.HANDOFF, TraceEvent.Kind.WAKE, TraceEvent.Kind.BLOCK, TraceEvent.Kind.UNBLOCK,
                TraceEvent.Kind.EXIT, TraceEvent.Kind.CLOSE, TraceEvent.Kind.SWITCH, TraceEvent.Kind.END)) {
            assertTrue(kinds.contains(k), k + " in\n" + r.trace().render());
        }
        TraceEvent timer = r.trace().events().stream().filter(e -> e.kind() == TraceEvent.Kind.TIMER).findFirst()
                .orElseThrow();
        assertEquals(5_000_000, timer.timeNanos());
        assertEquals("worker", timer.thread());
        TraceEvent post = r.trace().events().stream().filter(e -> e.kind() == TraceEvent.Kind.POST).findFirst()
                .orElseThrow();
        assertEquals("main", post.thread());
        assertEquals("port1 key=9 bytes=3", post.detail());
        assertTrue(post.render().matches("\\s*\\d+\\s+5\\.000ms  main\\s+POST\\s+port1 key=9 bytes=3"), post.render());
        String text = r.trace().render();
        assertTrue(text.startsWith("  step         time  thread       event      detail"), text);
        assertEquals(r.trace().size() + 1, text.lines().count());
    }

    @Test
    void keepsTheLastEventsButHashesThemAll() {
        SimResult full = Sim.run(3, Scenarios::producersAndConsumers);
        SimResult small = Sim.run(SimOptions.builder().seed(3).traceCapacity(50).build(), Scenarios::producersAndConsumers);
        assertEquals(full.trace().size(), small.trace().size());
        assertEquals(full.trace().hash(), small.trace().hash());
        assertEquals(50, small.trace().events().size());
        assertEquals(full.trace().events().subList((int) full.trace().size() - 50, (int) full.trace().size()),
                small.trace().events());
        assertTrue(small.trace().renderTail(10).startsWith("  (" + (full.trace().size() - 10) + " earlier events not shown)"));
    }

    @Test
    void hashSeesEveryField() {
        Trace a = new Trace(4);
        Trace b = new Trace(4);
        a.add(1, 2, "main", TraceEvent.Kind.POST, "port1 key=1 bytes=0");
        b.add(1, 2, "main", TraceEvent.Kind.POST, "port1 key=1 bytes=0");
        assertEquals(a.hash(), b.hash());
        b.add(1, 2, "main", TraceEvent.Kind.POST, "");
        a.add(1, 2, "mai", TraceEvent.Kind.POST, "n");
        assertNotEquals(a.hash(), b.hash());
    }
}
