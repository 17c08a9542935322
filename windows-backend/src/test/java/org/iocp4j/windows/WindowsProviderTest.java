package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortCapabilities;
import org.iocp4j.spi.CompletionPortProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The availability triad and the choice of backend, on Windows (and under Wine). */
class WindowsProviderTest {

    @BeforeEach
    void needsWindows() {
        OnWindows.assumeAvailable();
    }

    @Test
    void theWindowsBackendIsFoundAvailableAndRankedFirst() {
        CompletionPortProvider first = CompletionPorts.providers().get(0);
        assertEquals(WindowsPortProvider.NAME, first.name());
        assertTrue(first.isAvailable());
        assertNull(first.unavailabilityCause());
    }

    @Test
    void openPicksTheWindowsBackend() {
        try (CompletionPort port = CompletionPorts.open(2)) {
            assertEquals("windows", port.backend());
            assertEquals(2, port.concurrency());
        }
    }

    @Test
    void r1_concurrencyZeroMeansTheProcessors() {
        try (CompletionPort port = CompletionPorts.open(0)) {
            assertEquals(Runtime.getRuntime().availableProcessors(), port.concurrency());
        }
    }

    @Test
    void capabilitiesSayWhatTheKernelDoesAndWhetherThisIsWine() {
        PortCapabilities c = WindowsPortProvider.capabilities();
        assertEquals(!WindowsPortProvider.isWine(), c.enforcesConcurrency());
        assertFalse(c.countsActiveThreads());
        assertTrue(c.seesLibraryWaits());
        assertTrue(c.detectsThreadExit());
        assertFalse(c.deterministic());
        if (WindowsPortProvider.isWine()) {
            assertNotNull(WindowsPortProvider.wineVersion());
        } else {
            assertNull(WindowsPortProvider.wineVersion());
        }
    }
}
