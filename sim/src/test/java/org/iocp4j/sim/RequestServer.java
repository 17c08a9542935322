package org.iocp4j.sim;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;

/**
 * A user's server, written against the public API only (the worked example of docs/simulator.md):
 * workers answer requests from a port; after answering, a worker recycles the request's buffer by
 * posting it back to the same port as more work; a dispatcher waits until every request is done
 * and then closes the port to stop the workers.
 *
 * <p>The planted bug: a worker reports a request done <em>before</em> posting its recycling, so
 * the dispatcher may close the port in between, and the recycling is lost (R38) or its post fails
 * (R19). With {@code fixed}, a request is reported done only after its buffer is recycled.
 */
final class RequestServer {
    static final long REQUEST = 1;
    static final long RECYCLE = 2;

    /** A request's buffer. */
    record Buffer(int id, int size) {}

    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger recycled = new AtomicInteger();
    private final boolean fixed;
    private final CompletionPort work = CompletionPorts.open(2);
    private final CompletionPort done = CompletionPorts.open(1);

    RequestServer(boolean fixed) {
        this.fixed = fixed;
    }

    /** A worker thread's loop: until the port is closed, answer requests and recycle their buffers. */
    void workerLoop() {
        CompletionEntry e = new CompletionEntry();
        while (work.dequeue(e).hasPacket()) {
            Buffer b = (Buffer) e.overlapped();
            if (e.key() == REQUEST) {
                answered.incrementAndGet();
                if (!fixed) {
                    done.post(b.id(), 0, b); // BUG: done before the buffer is recycled
                }
                work.post(RECYCLE, 0, b);
            } else {
                recycled.incrementAndGet();
                if (fixed) {
                    done.post(b.id(), 0, b); // done when nothing is left to do for it
                }
            }
        }
    }

    /** The dispatcher: queue the requests, wait until each one is done, stop the workers. */
    void serve(List<Buffer> requests) {
        for (Buffer b : requests) {
            work.post(REQUEST, b.size(), b);
        }
        CompletionEntry e = new CompletionEntry();
        for (int i = 0; i < requests.size(); i++) {
            done.dequeue(e);
        }
        work.close(); // the workers' dequeue returns ABANDONED (R33)
        done.close();
    }
}
