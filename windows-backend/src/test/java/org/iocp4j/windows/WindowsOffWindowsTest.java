package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.jna.Platform;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The availability triad where the backend cannot run (Surefire runs this on Linux and macOS). */
class WindowsOffWindowsTest {

    @BeforeEach
    void notOnWindows() {
        assumeFalse(Platform.isWindows(), "checks the backend's absence; this is Windows");
    }

    @Test
    void theBackendSaysWhyItIsUnavailable() {
        WindowsPortProvider p = new WindowsPortProvider();
        assertFalse(p.isAvailable());
        assertTrue(p.unavailabilityCause().getMessage().startsWith("not Windows: os.name is "),
                p.unavailabilityCause().getMessage());
        assertFalse(WindowsPortProvider.isWine());
    }

    @Test
    void openingItByNameThrowsWithTheCause() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> CompletionPorts.open("windows", PortOptions.withConcurrency(1)));
        assertEquals("backend 'windows' is not available here", e.getMessage());
        assertTrue(e.getCause().getMessage().startsWith("not Windows"));
        assertThrows(UnsupportedOperationException.class, WindowsPortProvider::capabilities);
    }

    @Test
    void openPicksAnotherBackend() {
        try (CompletionPort port = CompletionPorts.open(1)) {
            assertNotEquals("windows", port.backend());
        }
    }
}
