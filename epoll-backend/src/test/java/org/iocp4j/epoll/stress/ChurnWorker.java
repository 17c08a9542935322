package org.iocp4j.epoll.stress;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.CompletionEntry;
import org.iocp4j.DequeueStatus;
import org.iocp4j.Win32Error;

/**
 * One of the stress workers: it opens its share of the connections and, step after step, picks
 * one of its endpoints at random and writes, reads, cancels one operation, cancels all, or
 * closes it, and dequeues packets between steps (for any endpoint). After its steps it keeps
 * dequeuing until the port closes.
 */
final class ChurnWorker implements Runnable {
    /** Live endpoints one worker keeps at most (two per connection it opened or accepted). */
    private static final int LIVE = 24;

    private final Churn churn;
    private final Random random;
    private final int steps;
    private final long deadline;
    private final List<Endpoint> mine = new ArrayList<>();
    private final CompletionEntry entry = new CompletionEntry();
    private int connectsLeft;
    private volatile boolean stepsDone;
    private volatile int stepsTaken;

    ChurnWorker(Churn churn, long seed, int connections, int steps, long deadlineNanos) {
        this.churn = churn;
        this.random = new Random(seed);
        this.connectsLeft = connections;
        this.steps = steps;
        this.deadline = deadlineNanos;
    }

    boolean stepsDone() {
        return stepsDone;
    }

    int stepsTaken() {
        return stepsTaken;
    }

    int connectsLeft() {
        return connectsLeft;
    }

    @Override
    public void run() {
        int step = 0;
        while ((connectsLeft > 0 || live() > 0) && step < steps && System.nanoTime() < deadline) {
            step();
            for (int i = 0; i < 4 && churn.port.dequeue(entry, 0, TimeUnit.MILLISECONDS).hasPacket(); i++) {
                churn.handle(entry, mine::add);
            }
            stepsTaken = ++step;
        }
        stepsDone = true;
        DequeueStatus s;
        while ((s = churn.port.dequeue(entry, 10, TimeUnit.MILLISECONDS)).hasPacket() || s == DequeueStatus.TIMEOUT) {
            if (s.hasPacket()) {
                churn.handle(entry, mine::add);
            }
        }
    }

    private void step() {
        if (connectsLeft > 0 && live() < LIVE && random.nextInt(4) == 0) {
            connect();
            return;
        }
        if (mine.isEmpty() || live() == 0) {
            return;
        }
        Endpoint ep = mine.get(random.nextInt(mine.size()));
        int dice = random.nextInt(1000);
        synchronized (ep) {
            if (dice < 400) {
                write(ep);
            } else if (dice < 800) {
                read(ep);
            } else if (dice < 900) {
                StressOp op = random.nextBoolean() ? ep.reading : ep.writing;
                if (op == null && random.nextInt(8) == 0) {
                    op = ep.connecting; // now and then: a connect cancelled mid-handshake
                }
                if (op != null) {
                    churn.cancelled(ep.socket.cancel(op)); // ERROR_NOT_FOUND if it completed meanwhile (R68)
                }
            } else if (dice < 930) {
                churn.cancelled(ep.socket.cancelAll());
            } else if (dice < 945) {
                churn.close(ep);
            } else if (dice < 955) {
                churn.cancelAnAccept();
            }
        }
    }

    /**
     * Endpoints not yet closed; forgets the closed ones (one closed by another worker since
     * still meets this worker's next operation, which then fails at once with
     * ERROR_INVALID_HANDLE, R52).
     */
    private int live() {
        mine.removeIf(ep -> {
            synchronized (ep) {
                return ep.closed;
            }
        });
        return mine.size();
    }

    private void connect() {
        connectsLeft--;
        Endpoint ep = churn.endpoint();
        mine.add(ep);
        synchronized (ep) {
            StressOp op = churn.ledger.open(StressOp.Kind.CONNECT, ep);
            ep.connecting = op;
            issue(op, () -> ep.socket.connect(churn.listener.localAddress(), op));
            if (op.skipped) {
                churn.completedAtOnce(op);
            } else if (!op.expectsPacket()) {
                ep.connecting = null;
            }
        }
    }

    private void write(Endpoint ep) {
        if (ep.writing != null) {
            return;
        }
        StressOp op = churn.ledger.open(StressOp.Kind.WRITE, ep);
        op.buffer = ep.writeBuffer(1 + random.nextInt(random.nextBoolean() ? 512 : 64 * 1024));
        op.start = 0;
        ep.writing = op;
        issue(op, () -> ep.socket.write(op.buffer, op));
        if (op.skipped) {
            churn.completedAtOnce(op);
        } else if (!op.expectsPacket()) {
            ep.writing = null; // failed at once (R52): no packet; the position says what left
            ep.outOffset += op.buffer.position() - op.start;
        }
    }

    private void read(Endpoint ep) {
        if (ep.reading != null) {
            return;
        }
        StressOp op = churn.ledger.open(StressOp.Kind.READ, ep);
        ByteBuffer b = ep.readBuffer();
        b.position(random.nextInt(16)).limit(b.position() + 1 + random.nextInt(b.capacity() - 16));
        op.buffer = b;
        op.start = b.position();
        ep.reading = op;
        issue(op, () -> ep.socket.read(b, op));
        if (op.skipped) {
            churn.completedAtOnce(op);
        } else if (!op.expectsPacket()) {
            ep.reading = null;
        }
    }

    private interface Call {
        int issue();
    }

    /** Issues {@code op} and records the answer; a refused call (it threw) counts as failed at once. */
    private void issue(StressOp op, Call call) {
        int r;
        try {
            r = call.issue();
        } catch (RuntimeException e) {
            r = Ledger.THREW;
        }
        churn.ledger.answered(op, r);
        if (r != Win32Error.ERROR_SUCCESS && r != Win32Error.ERROR_IO_PENDING && r != Ledger.THREW) {
            churn.failedAtOnce.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
