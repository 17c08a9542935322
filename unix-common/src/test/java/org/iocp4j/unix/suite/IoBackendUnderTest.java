package org.iocp4j.unix.suite;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;

/** What a readiness backend hands the I/O suites: how to open its ports and how to drain its loops. */
public interface IoBackendUnderTest {

    /** Opens a port of the backend, with io(). */
    CompletionPort open(PortOptions options);

    /** Returns once the backend's loops ran everything queued before (fds of closed handles are closed). */
    void drainPollers();
}
