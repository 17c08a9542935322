package org.iocp4j.unix;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.ThreadAwareExecutor;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.internal.ThreadRecord;
import org.iocp4j.internal.WaitPoller;

/**
 * One Netty IoHandler (epoll or kqueue) without a thread of its own: whichever thread holds the
 * poll role drives it, one at a time, which is the access rule Netty states for handlers whose
 * factory supports changing threads. The role goes to
 *
 * <ul>
 *   <li>a thread waiting in a dequeue of a port whose handles live here, instead of parking
 *       ({@link WaitPoller}): the readiness it meets becomes a packet that is usually its own, so
 *       an echo round needs no thread hand-off at all (the pool threads of the JDK's own
 *       emulation, sun.nio.ch.EPollPort, poll in the same spirit);
 *       the most recent waiter asks for the role and the holder gives it up (it is woken), since
 *       the most recent waiter is the one the next packet goes to (R14);</li>
 *   <li>the {@link Backstop}, a daemon thread that takes the role once it has been free for a
 *       grace period or has tasks, so I/O completes even while no thread waits in a dequeue (as
 *       the kernel completes it on Windows), and gives it up to the first waiter that asks.</li>
 * </ul>
 *
 * <p>Tasks ({@link #execute}) run on the role holder before and after each poll.
 */
public final class Poller implements ThreadAwareExecutor, WaitPoller, PollRole {
    private static final System.Logger LOG = System.getLogger(Poller.class.getName());
    /** How long a waiter that asked for the role spins for it before it parks (tens of microseconds). */
    private static final int TAKE_OVER_SPINS = 512;

    private final IoHandler handler;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    /** The most recent waiter that asked for the role while another thread held it, or null. */
    private final AtomicReference<ThreadRecord> successor = new AtomicReference<>();
    private final Backstop backstop;
    /** The context of a waiter's poll, reused: only the role holder touches it. */
    private final WaiterContext waiterContext = new WaiterContext();
    /** Wakes the handler when a polling waiter is interrupted. */
    private final InterruptHook interruptHook;
    /** The context of the backstop's polls. */
    private final BackstopContext backstopContext = new BackstopContext();
    /** When the role was last given up (System.nanoTime). */
    private volatile long freeSince = System.nanoTime();

    /** Makes a poller; its backstop sleeps on {@code alarm}, or parks and patrols if that is null. */
    Poller(IoHandlerFactory factory, String name, long graceNanos, ReleaseAlarm alarm) {
        this.handler = factory.newHandler(this);
        this.interruptHook = new InterruptHook(handler::wakeup);
        this.backstop = new Backstop(this, graceNanos, name, alarm != null ? alarm : new ParkAlarm());
        handler.initialize();
        backstop.start();
    }

    @Override
    public boolean isExecutorThread(Thread thread) {
        return owner.get() == thread;
    }

    /** Queues {@code task} for the role holder and wakes it; tasks run in order. */
    @Override
    public void execute(Runnable task) {
        tasks.add(Objects.requireNonNull(task, "task"));
        handler.wakeup(); // no-op on the role holder itself, which runs tasks after its poll
        if (owner.get() == null) {
            backstop.tasksWaiting();
        }
    }

    /** Registers {@code handle} with the handler; call from a task only. */
    IoRegistration register(IoHandle handle) throws Exception {
        return handler.register(handle);
    }

    @Override
    public boolean pollWhileWaiting(ThreadRecord waiter, long deadlineNanos) {
        Thread me = waiter.thread();
        if (me.isVirtual()) {
            return false; // a blocking epoll_wait would hold its carrier: park, the backstop polls
        }
        ThreadRecord next = successor.get();
        if (waiter.pollYielded() || (next != null && next != waiter)) {
            return false; // the role went, or is promised, to a more recent waiter: park
        }
        if (!owner.compareAndSet(null, me) && !takeOver(waiter)) {
            return false; // park: release() unparks the successor
        }
        successor.compareAndSet(waiter, null);
        try {
            waiterContext.set(waiter, deadlineNanos); // 0: none, the poll blocks until an event
            interruptHook.enter(); // an interrupt wakes the poll (no timer to look for one)
            try {
                drive(waiterContext);
            } finally {
                interruptHook.exit();
            }
            ThreadRecord asked = successor.get();
            if (asked != null && asked.isWaiting()) {
                waiter.pollYielded(true); // woken for a more recent waiter (R14): park from now on
            }
        } finally {
            waiterContext.set(null, 0);
            release();
        }
        return true;
    }

    /**
     * The role is held: as the most recent waiter, ask for it (the holder's poll returns and gives
     * it up) and spin a moment for it, which is cheaper than parking and being unparked.
     */
    private boolean takeOver(ThreadRecord waiter) {
        successor.set(waiter);
        if (owner.compareAndSet(null, waiter.thread())) {
            return true;
        }
        handler.wakeup();
        for (int i = TAKE_OVER_SPINS; i > 0 && waiter.isWaiting() && successor.get() == waiter; i--) {
            if (owner.get() == null && owner.compareAndSet(null, waiter.thread())) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    @Override
    public void wakeup(ThreadRecord waiter) {
        handler.wakeup(); // a no-op when the waiter's own poll ended its wait
    }

    @Override
    public void waitEnded(ThreadRecord waiter) {
        successor.compareAndSet(waiter, null);
        waiter.pollYielded(false);
    }

    /** Role holder only: tasks, one poll, tasks. */
    private void drive(PollContext context) {
        runTasks();
        if (context.stillWanted()) {
            handler.run(context);
        }
        runTasks();
    }

    private void runTasks() {
        Runnable t;
        while ((t = tasks.poll()) != null) {
            try {
                t.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a task of " + this + " failed", e);
            }
        }
    }

    private void release() {
        long now = System.nanoTime();
        freeSince = now;
        owner.set(null);
        backstop.released(now);
        ThreadRecord next = successor.get();
        if (next != null) {
            next.seam().unpark(next.thread()); // it takes the role when it runs
        } else if (!tasks.isEmpty()) {
            backstop.tasksWaiting();
        }
    }

    @Override
    public boolean roleHeld() {
        return owner.get() != null;
    }

    @Override
    public long freeSince() {
        return freeSince;
    }

    @Override
    public boolean hasTasks() {
        return !tasks.isEmpty();
    }

    @Override
    public boolean pollAsBackstop() {
        if (!owner.compareAndSet(null, backstop.thread())) {
            return false;
        }
        try {
            drive(backstopContext);
        } finally {
            release();
        }
        return true;
    }

    @Override
    public String toString() {
        return "Poller[" + backstop.name() + "]";
    }

    /** What the handler asks of its driver: whether it may block, and until when. */
    private abstract class PollContext implements io.netty.channel.IoHandlerContext {
        /** False once the poll should end at once. */
        abstract boolean stillWanted();

        @Override
        public final boolean canBlock() {
            return tasks.isEmpty() && successor.get() == null && stillWanted();
        }
    }

    /** A waiter's poll: ends when its wait ends; blocks at most until its deadline (0: none). Role holder only. */
    private final class WaiterContext extends PollContext {
        private ThreadRecord waiter;
        private long deadline;

        void set(ThreadRecord waiter, long deadline) {
            this.waiter = waiter;
            this.deadline = deadline;
        }

        @Override
        boolean stillWanted() {
            return waiter.isWaiting() && !waiter.thread().isInterrupted();
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            return deadline == 0 ? Long.MAX_VALUE : Math.max(0, deadline - currentTimeNanos);
        }

        @Override
        public long deadlineNanos() {
            return deadline == 0 ? -1 : deadline; // -1: no timer, so the handler arms none
        }
    }

    /** The backstop's poll: blocks until an event, a task or a waiter that asks for the role. */
    private final class BackstopContext extends PollContext {
        @Override
        boolean stillWanted() {
            return true;
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            return Long.MAX_VALUE;
        }

        @Override
        public long deadlineNanos() {
            return -1;
        }
    }
}
