package org.iocp4j.epoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.unix.Errors;
import java.util.List;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;
import org.iocp4j.spi.CompletionPortProvider;
import org.iocp4j.unix.Errno;
import org.junit.jupiter.api.Test;

/** The backend is found, ranked and available on Linux; its errno column matches this kernel's. */
class ProviderTest {

    @Test
    void theAvailabilityTriadSaysEpollRunsHere() {
        assertTrue(EpollBackend.isAvailable(), () -> "epoll unavailable: " + EpollBackend.unavailabilityCause());
        assertNull(EpollBackend.unavailabilityCause());
        EpollBackend.ensureAvailability();
    }

    @Test
    void completionPortsOpenPicksEpollOnLinux() {
        try (CompletionPort port = CompletionPorts.open(PortOptions.withConcurrency(1))) {
            assertEquals("epoll", port.backend());
            assertNotNull(port.io(), "an epoll port has I/O");
        }
    }

    @Test
    void epollRanksAboveTheJavaBackend() {
        List<CompletionPortProvider> all = CompletionPorts.providers();
        assertEquals("epoll", all.get(0).name());
        assertEquals(EpollPortProvider.PRIORITY, all.get(0).priority());
        assertTrue(all.stream().anyMatch(p -> p.name().equals("java") && p.priority() < EpollPortProvider.PRIORITY));
    }

    @Test
    void openByNameGivesAnEpollPortWithTheEngineCapabilities() {
        try (CompletionPort port = CompletionPorts.open("epoll", PortOptions.withConcurrency(3))) {
            assertEquals(3, port.concurrency());
            assertTrue(port.capabilities().enforcesConcurrency());
        }
    }

    @Test
    void theErrnoTableUsesThisKernelsNumbers() {
        assertEquals(-Errors.ERRNO_ECONNRESET_NEGATIVE, Errno.ECONNRESET.number());
        assertEquals(-Errors.ERRNO_EPIPE_NEGATIVE, Errno.EPIPE.number());
        assertEquals(-Errors.ERRNO_ENOTCONN_NEGATIVE, Errno.ENOTCONN.number());
        assertEquals(-Errors.ERRNO_EBADF_NEGATIVE, Errno.EBADF.number());
        assertEquals(-Errors.ERROR_ECONNREFUSED_NEGATIVE, Errno.ECONNREFUSED.number());
        assertEquals(-Errors.ERROR_EISCONN_NEGATIVE, Errno.EISCONN.number());
        assertEquals(-Errors.ERROR_ENETUNREACH_NEGATIVE, Errno.ENETUNREACH.number());
        assertEquals(-Errors.ERROR_EHOSTUNREACH_NEGATIVE, Errno.EHOSTUNREACH.number());
        assertEquals(-Errors.ERRNO_ENOENT_NEGATIVE, Errno.ENOENT.number());
    }
}
