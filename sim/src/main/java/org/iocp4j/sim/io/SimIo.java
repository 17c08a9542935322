package org.iocp4j.sim.io;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The simulated kernel's I/O in one run: the network and the file system behind the
 * {@link org.iocp4j.io.IoFactory} of every simulated port ({@code port.io()}), and the census of
 * the handles they opened. Get it with {@link org.iocp4j.sim.Sim#io()}; use it from the run's
 * simulated threads only. The read-only methods ({@link #openHandles}, {@link #stats}) may be
 * called from an {@code awaitUntil} condition.
 *
 * <p>Sockets are TCP streams between addresses of one simulated machine: a listener bound to any
 * address is reached by a connect to that address. Bytes travel with the options' latency,
 * jitter and bandwidth in virtual time, and a readiness event of the simulated kernel completes
 * the operations that wait, through the same readiness-to-completion code as epoll and kqueue.
 * Files live in memory, one file system per run.
 */
public interface SimIo {

    /** The network, disk and fault settings of this run. */
    SimIoOptions options();

    /** Every handle opened in this run and not yet closed, oldest first, as "kind#id[details]". */
    List<String> openHandles();

    /**
     * Strict leak check: passes if every socket, listening socket and file opened in this run is
     * closed.
     *
     * @throws IllegalStateException listing the handles still open
     */
    void checkNoLeaks();

    /** What the kernel did so far: connections, bytes, faults injected, handles. */
    SimIoStats stats();

    /** Creates or replaces the file at {@code path} with {@code content} (a test's input). */
    void writeFile(Path path, byte[] content);

    /**
     * The content of the file at {@code path}.
     *
     * @throws NoSuchFileException if there is none
     */
    byte[] readFile(Path path) throws NoSuchFileException;
}
