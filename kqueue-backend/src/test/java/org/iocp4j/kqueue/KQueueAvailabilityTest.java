package org.iocp4j.kqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The availability triad, on every OS: kqueue runs on macOS and says why it cannot elsewhere. */
@Tag("anywhere")
class KQueueAvailabilityTest {
    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");

    @Test
    void theTriadAgreesWithTheOs() {
        KQueuePortProvider provider = new KQueuePortProvider();
        assertEquals("kqueue", provider.name());
        assertEquals(MAC, provider.isAvailable());
        if (MAC) {
            assertNull(provider.unavailabilityCause());
            KQueueBackend.ensureAvailability();
        } else {
            assertNotNull(provider.unavailabilityCause(), "an unavailable backend says why");
            assertThrows(Throwable.class, KQueueBackend::ensureAvailability);
        }
    }

    @Test
    void openingByNameWorksOnMacAndExplainsItselfElsewhere() {
        if (MAC) {
            try (CompletionPort port = CompletionPorts.open("kqueue", PortOptions.withConcurrency(1))) {
                assertEquals("kqueue", port.backend());
                assertNotNull(port.io());
            }
            try (CompletionPort best = CompletionPorts.open(PortOptions.withConcurrency(1))) {
                assertEquals("kqueue", best.backend(), "CompletionPorts.open() picks kqueue on macOS");
            }
        } else {
            UnsupportedOperationException x = assertThrows(UnsupportedOperationException.class,
                    () -> CompletionPorts.open("kqueue", PortOptions.withConcurrency(1)));
            assertSame(KQueueBackend.unavailabilityCause(), x.getCause());
            assertTrue(CompletionPorts.providers().stream().anyMatch(p -> p.name().equals("kqueue")));
            try (CompletionPort best = CompletionPorts.open(PortOptions.withConcurrency(1))) {
                assertFalse(best.backend().equals("kqueue"), "an unavailable backend is never picked");
            }
        }
    }
}
