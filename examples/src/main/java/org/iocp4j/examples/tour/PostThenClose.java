package org.iocp4j.examples.tour;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;

/** A post followed at once by close still delivers the packet to the thread it went to (R37). */
final class PostThenClose implements Scenario {

    @Override
    public String title() {
        return "Post, then close at once";
    }

    @Override
    public List<String> intro() {
        return List.of(
                "worker-1, worker-2 and worker-3 wait on a port of concurrency 1; main posts #1 and",
                "closes the port on the next line, before the woken thread has even run.",
                "Notice: the packet was already worker-3's and it still gets it (R37); the others are",
                "released with ERROR_ABANDONED_WAIT_0 (R33).");
    }

    @Override
    public Outcome run(Narrator n) throws Exception {
        Map<String, DequeueStatus> results = new ConcurrentHashMap<>();
        try (Scene scene = new Scene(n)) {
            CompletionPort port = scene.open(Narrator.MAIN_PORT, 1);
            for (int i = 1; i <= 3; i++) {
                int waiting = i;
                scene.start("worker-" + i, () -> {
                    DequeueStatus s = port.dequeue(new CompletionEntry());
                    results.put(Thread.currentThread().getName(), s);
                });
                Await.until(waiting + " workers wait", () -> port.stats().waitingThreads() == waiting);
            }
            port.post(1, 0, null);
            port.close();
            Await.until("every worker returned", () -> results.size() == 3);
            for (int i = 3; i >= 1; i--) {
                String w = "worker-" + i;
                n.note(w + "'s dequeue returned " + results.get(w));
            }
        }
        return new Outcome(title(), n.trace())
                .claim("worker-3 got #1 although the port closed right after the post (R37)",
                        results.get("worker-3") == DequeueStatus.COMPLETED)
                .claim("worker-2 and worker-1 got ERROR_ABANDONED_WAIT_0 (735) (R33)",
                        results.get("worker-2") == DequeueStatus.ABANDONED
                                && results.get("worker-1") == DequeueStatus.ABANDONED);
    }
}
