package org.iocp4j.internal.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** A listener and an accept socket over a fake "kernel": connections are names the test queues. */
final class FakeAcceptHandles {
    private FakeAcceptHandles() {
    }

    /** A handle of the "java" backend whose readiness the test reports by hand. */
    abstract static class Handle extends EmulatedIoHandle {
        @Override
        protected final String backend() {
            return "java";
        }

        @Override
        protected final void arm(PendingOp.Direction direction) {
            // the test reports readiness itself
        }
    }

    /** A listening socket whose backlog the test fills, then reports as readiness by hand. */
    static final class Listener extends Handle implements Acceptor.Source<String> {
        final Acceptor<String> accepts = new Acceptor<>(this, this);
        final ArrayDeque<String> backlog = new ArrayDeque<>();
        final List<String> discarded = new ArrayList<>();
        boolean bound = true;
        int failNextWith;
        /** Runs inside the next attempt that finds no connection (once): a race to stage. */
        Runnable duringEmptyAttempt;

        @Override
        protected void release() {
            // no resource
        }

        @Override
        public boolean isBound() {
            return bound;
        }

        @Override
        public int acceptNext(AcceptOp<String> op) {
            if (failNextWith != 0) {
                int e = failNextWith;
                failNextWith = 0;
                return -e;
            }
            String c = backlog.poll();
            if (c == null && duringEmptyAttempt != null) {
                Runnable r = duringEmptyAttempt;
                duringEmptyAttempt = null;
                r.run();
            }
            return c == null ? PendingOp.WOULD_BLOCK : op.land(c);
        }

        @Override
        public void discard(String connection) {
            discarded.add(connection);
        }

        /** A connection request arrived. */
        void arrive(String connection) {
            synchronized (lock) {
                backlog.add(connection);
            }
            onReady(PendingOp.Direction.READ);
        }
    }

    /** An accept socket; it can "forget" to tell its accept that it closed, to open the race window. */
    static final class Target extends Handle implements AcceptTarget.Landing<String> {
        final AcceptTarget<String> accepts = new AcceptTarget<>(this, this);
        String connection;
        boolean connecting;
        boolean tellsAcceptOnClose = true;

        @Override
        protected void release() {
            if (tellsAcceptOnClose) {
                accepts.socketClosed();
            }
        }

        @Override
        public boolean isConnectedOrConnecting() {
            return connection != null || connecting;
        }

        @Override
        public void takeOver(String c) {
            connection = c;
        }

        boolean isFree() {
            synchronized (lock) {
                return accepts.isFree();
            }
        }
    }
}
