package org.iocp4j.examples.tour;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortClosedException;

/** The answers of GetQueuedCompletionStatus (spec 1.10) and how a caller tells them apart. */
final class ReturnCases implements Scenario {

    /** Stands in for the OVERLAPPED of an operation: whatever the caller wants back. */
    record Request(int id) {
        @Override
        public String toString() {
            return "request-" + id;
        }
    }

    @Override
    public String title() {
        return "What a dequeue can return";
    }

    @Override
    public List<String> intro() {
        return List.of(
                "A dequeue answers TRUE or FALSE, with or without an overlapped: four cases that a",
                "worker must tell apart. Here main asks a port of concurrency 1, worker-1 helps once.",
                "Notice: only a dequeue that removed a packet writes key and bytes (R40).");
    }

    @Override
    public Outcome run(Narrator n) throws Exception {
        CompletionEntry e = new CompletionEntry();
        AtomicReference<DequeueStatus> waiter = new AtomicReference<>();
        DequeueStatus a;
        DequeueStatus c;
        DequeueStatus quit;
        DequeueStatus closed;
        boolean postRefused = false;
        long keyAfterTimeout;
        int bytesAfterTimeout;
        Object overlappedA;
        try (Scene scene = new Scene(n)) {
            CompletionPort port = scene.open("port", 1);
            port.post(7, 512, new Request(1));
            a = port.dequeue(e, 0, MILLISECONDS);
            overlappedA = e.overlapped();
            n.note("case A: " + Words.result(a, e));
            c = port.dequeue(e, 20, MILLISECONDS);
            keyAfterTimeout = e.key();
            bytesAfterTimeout = e.bytes();
            n.note("case C: " + Words.result(c, e) + ": no packet; key and bytes untouched (R40)");
            port.post(0, 0, null);
            quit = port.dequeue(e, 0, MILLISECONDS);
            n.note("case A, null overlapped: " + Words.result(quit, e));
            n.note("  only a post makes this (R16): the customary 'quit' message of a worker loop");
            n.note("case B, FALSE with an overlapped: an operation that failed, its error in the packet");
            n.note("  (e.g. ERROR_NETNAME_DELETED (64)); only I/O makes it, a post never does (R16)");
            scene.start("worker-1", () -> {
                CompletionEntry mine = new CompletionEntry();
                DequeueStatus s = port.dequeue(mine);
                n.note("case D: " + Words.result(s, mine) + ": closed while it waited (R33)");
                waiter.set(s);
            });
            Await.until("worker-1 waits", () -> port.stats().waitingThreads() == 1);
            port.close();
            Await.until("worker-1 returns", () -> waiter.get() != null);
            closed = port.dequeue(e, 0, MILLISECONDS);
            n.note("case E: " + Words.result(closed, e) + ": closed before the call (R36)");
            try {
                port.post(1, 1, null);
            } catch (PortClosedException expected) {
                postRefused = true;
                n.note("post now throws PortClosedException: ERROR_INVALID_HANDLE (R19)");
            }
        }
        return new Outcome(title(), n.trace())
                .claim("a posted packet came back verbatim: COMPLETED, key 7, 512 bytes, request-1 (R16)",
                        a == DequeueStatus.COMPLETED && overlappedA instanceof Request r && r.id() == 1)
                .claim("a timeout gave WAIT_TIMEOUT (258) and left key and bytes untouched (R40)",
                        c == DequeueStatus.TIMEOUT && keyAfterTimeout == 7 && bytesAfterTimeout == 512)
                .claim("a packet posted with a null overlapped is still COMPLETED (R16)",
                        quit == DequeueStatus.COMPLETED)
                .claim("closing the port released the waiter with ERROR_ABANDONED_WAIT_0 (735) (R33)",
                        waiter.get() == DequeueStatus.ABANDONED)
                .claim("after the close, dequeue gives ERROR_INVALID_HANDLE (6) and post is refused (R36, R19)",
                        closed == DequeueStatus.INVALID_HANDLE && postRefused);
    }
}
