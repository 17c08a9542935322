package org.iocp4j.examples.tour;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;

/** A port without any I/O is a work queue: post tasks, and a null-overlapped packet to stop. */
final class OwnWork implements Scenario {

    @Override
    public String title() {
        return "Posting your own work";
    }

    @Override
    public List<String> intro() {
        return List.of(
                "A port needs no I/O to be useful: post tasks as packets and it is a thread pool's queue.",
                "main posts three tasks and a packet with a null overlapped; worker-1 runs what it gets.",
                "Notice: the tasks run in the order posted (FIFO, R14), and the last packet means 'quit'.");
    }

    @Override
    public Outcome run(Narrator n) throws Exception {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean quitSeen = new AtomicBoolean();
        try (Scene scene = new Scene(n)) {
            CompletionPort port = scene.open(Narrator.MAIN_PORT, 1);
            for (int i = 1; i <= 3; i++) {
                int task = i;
                Runnable work = () -> {
                    n.note("runs task " + task + ": " + task + " x " + task + " = " + task * task);
                    ran.add(task);
                };
                port.post(task, 0, work);
            }
            port.post(4, 0, null);
            scene.start("worker-1", () -> {
                CompletionEntry e = new CompletionEntry();
                while (port.dequeue(e) == DequeueStatus.COMPLETED) {
                    if (e.overlapped() instanceof Runnable work) {
                        work.run();
                    } else {
                        n.note("got #" + e.key() + " with a null overlapped: no work, the sign to quit (R16)");
                        quitSeen.set(true);
                        return;
                    }
                }
            });
            Await.until("worker-1 quits", quitSeen::get);
        }
        return new Outcome(title(), n.trace())
                .claim("the tasks ran in the order they were posted: " + ran + " (R14)", ran.equals(List.of(1, 2, 3)))
                .claim("the packet with a null overlapped ended the worker's loop (R16)", quitSeen.get());
    }
}
