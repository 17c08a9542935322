package org.iocp4j.examples.tour;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;

/** Packets leave FIFO, waiting threads wake LIFO (R14). */
final class LifoWakeOrder implements Scenario {

    @Override
    public String title() {
        return "Packets first in, first out; threads last in, first out";
    }

    @Override
    public List<String> intro() {
        return List.of(
                "worker-1, worker-2 and worker-3 start waiting in that order on a port of concurrency 3;",
                "then main posts #1, #2 and #3.",
                "Notice: the thread that waited last wakes first: its stack and cache are still warm (R14).");
    }

    @Override
    public Outcome run(Narrator n) throws Exception {
        Map<String, Long> got = new ConcurrentHashMap<>();
        try (Scene scene = new Scene(n)) {
            CompletionPort port = scene.open(Narrator.MAIN_PORT, 3);
            for (int i = 1; i <= 3; i++) {
                int waiting = i;
                scene.start("worker-" + i, () -> {
                    CompletionEntry e = new CompletionEntry();
                    if (port.dequeue(e) == DequeueStatus.COMPLETED) {
                        n.note("got #" + e.key());
                        got.put(Thread.currentThread().getName(), e.key());
                    }
                });
                Await.until(waiting + " workers wait", () -> port.stats().waitingThreads() == waiting);
            }
            for (int k = 1; k <= 3; k++) {
                port.post(k, 0, null);
                int posted = k;
                Await.until("a worker got #" + k, () -> got.size() == posted);
            }
        }
        return new Outcome(title(), n.trace())
                .claim("the last to wait woke first: worker-3 got #1, worker-2 #2, worker-1 #3 (R14)",
                        got.equals(Map.of("worker-3", 1L, "worker-2", 2L, "worker-1", 3L)));
    }
}
