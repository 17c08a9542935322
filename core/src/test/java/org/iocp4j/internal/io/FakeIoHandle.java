package org.iocp4j.internal.io;

import java.util.EnumSet;
import org.iocp4j.Win32Error;
import org.iocp4j.io.Overlapped;

/** A handle over a fake "kernel": readable bytes and writable room set by the test, readiness by hand. */
final class FakeIoHandle extends EmulatedIoHandle {
    int readable;
    int writable;
    int failNextWith;
    /** Read syscalls made. */
    int readAttempts;
    boolean released;
    /** Every {@link PendingOp#completed} call of a read, as "bytes/error". */
    final java.util.List<String> readsCompleted = new java.util.ArrayList<>();
    final EnumSet<PendingOp.Direction> armed = EnumSet.noneOf(PendingOp.Direction.class);

    @Override
    protected String backend() {
        return "java";
    }

    @Override
    protected void arm(PendingOp.Direction direction) {
        armed.add(direction);
    }

    @Override
    protected void release() {
        released = true;
    }

    int read(int want, Overlapped ov) {
        return submit(new PendingOp(ov, PendingOp.Direction.READ) {
            boolean shortRead;

            @Override
            protected int attempt() {
                readAttempts++;
                if (failNextWith != 0) {
                    int e = failNextWith;
                    failNextWith = 0;
                    return -e;
                }
                if (readable == 0) {
                    return WOULD_BLOCK;
                }
                int n = Math.min(want, readable);
                readable -= n;
                shortRead = n < want;
                return n;
            }

            @Override
            protected boolean drained() {
                return shortRead;
            }

            @Override
            protected int closeError() {
                return Win32Error.ERROR_CONNECTION_ABORTED;
            }

            @Override
            protected void completed(int bytes, int error) {
                readsCompleted.add(bytes + "/" + error);
            }
        });
    }

    int write(int total, Overlapped ov) {
        return submit(new PendingOp(ov, PendingOp.Direction.WRITE) {
            int done;

            @Override
            protected int attempt() {
                int n = Math.min(total - done, writable);
                writable -= n;
                done += n;
                return done == total ? total : WOULD_BLOCK;
            }

            @Override
            protected int closeError() {
                return Win32Error.ERROR_CONNECTION_ABORTED;
            }
        });
    }

    /** The test plays the readiness thread. */
    void fire(PendingOp.Direction d) {
        armed.remove(d);
        onReady(d);
    }
}
