package org.iocp4j.sim.io.kernel;

import java.io.IOException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import org.iocp4j.CompletionPort;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.FileRules;
import org.iocp4j.io.IoFactory;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimPort;

/**
 * The {@code io()} of a simulated port: opens handles on the simulated kernel of the calling
 * thread's run. Handles are not associated with any port yet, as on every backend; they may be
 * associated with any simulated port of the same run.
 */
public final class SimIoFactory implements IoFactory {
    /** The backend name simulated ports and handles share. */
    static final String BACKEND = "sim";

    private final CompletionPort port;
    private final EmulatedCompletionPort engine;

    /** The factory of {@code port}, whose engine is {@code engine}. */
    public SimIoFactory(CompletionPort port, EmulatedCompletionPort engine) {
        this.port = Objects.requireNonNull(port, "port");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The engine behind a simulated port, or null for any other port. */
    static EmulatedCompletionPort engineOf(CompletionPort port) {
        return port instanceof SimPort p && p.io() instanceof SimIoFactory f ? f.engine : null;
    }

    @Override
    public AsyncSocket openSocket() {
        return new SimSocket(kernel("openSocket"));
    }

    @Override
    public AsyncServerSocket openServerSocket() {
        return new SimServerSocket(kernel("openServerSocket"));
    }

    @Override
    public AsyncFile openFile(Path path, OpenOption... options) throws IOException {
        FileRules.Checked open = FileRules.checkOpen(path, options);
        SimKernel k = kernel("openFile");
        Set<OpenOption> set = open.options();
        if (!open.writable()) {
            set.remove(StandardOpenOption.CREATE); // as the JDK: creating needs WRITE
            set.remove(StandardOpenOption.CREATE_NEW);
        }
        FileStore.Data data = k.files.open(path, set);
        return new SimFile(k, path, data, open.readable(), open.writable(), set.contains(StandardOpenOption.DELETE_ON_CLOSE));
    }

    /** The calling run's kernel, after the checks every open makes; a scheduling point. */
    private SimKernel kernel(String what) {
        if (!Sim.isSimulated()) {
            throw new IllegalStateException("IoFactory." + what + " of a simulated port was called from thread '"
                    + Thread.currentThread().getName() + "', which no simulation runs: open simulated handles from"
                    + " the scenario given to Sim.run or a thread it starts with Sim.start");
        }
        SimKernel k = (SimKernel) Sim.current().io();
        k.enter("IoFactory." + what);
        k.schedulingPoint();
        if (port.isClosed()) {
            throw new IllegalStateException("the port is closed (ERROR_INVALID_HANDLE): open handles through an "
                    + "open port's io()");
        }
        return k;
    }

    @Override
    public String toString() {
        return "IoFactory[sim]";
    }
}
