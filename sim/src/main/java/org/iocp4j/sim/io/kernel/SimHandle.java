package org.iocp4j.sim.io.kernel;

import org.iocp4j.CompletionPort;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;

/**
 * What every simulated handle shares: its kernel, its number in the kernel's census of open
 * handles, its backend, and how an I/O call enters the simulation.
 */
abstract class SimHandle extends EmulatedIoHandle {
    final SimKernel kernel;
    final int id;
    /** The interface named in an entering call's checks: "AsyncSocket", "AsyncFile". */
    private final String api;

    SimHandle(SimKernel kernel, String api) {
        this.kernel = kernel;
        this.api = api;
        this.id = kernel.register(this);
    }

    @Override
    protected final String backend() {
        return SimIoFactory.BACKEND;
    }

    @Override
    protected final EmulatedCompletionPort engineOf(CompletionPort port) {
        return SimIoFactory.engineOf(port);
    }

    @Override
    protected final void arm(PendingOp.Direction direction) {
        // the kernel reports every event (a connection, bytes, room, FIN, RST) edge-triggered and
        // always armed, and finishes each file operation at its time: nothing to arm
    }

    /** An I/O call: checks the caller is a thread of the run, then a scheduling point, before any lock. */
    final void enter(String what) {
        kernel.enter(api + "." + what);
        kernel.schedulingPoint();
    }
}
