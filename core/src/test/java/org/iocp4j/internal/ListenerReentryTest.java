package org.iocp4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortEvent;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Test;

/** A PortListener that calls its own port gets a clear exception instead of spinning forever on the port's lock. */
class ListenerReentryTest {

    @Test
    void aListenerThatCallsItsPortFailsAtOnceInsteadOfHanging() {
        AtomicReference<CompletionPort> self = new AtomicReference<>();
        AtomicBoolean once = new AtomicBoolean(true);
        PortOptions options = PortOptions.builder().concurrency(1).listener((event, thread, key, active, queued) -> {
            if (event == PortEvent.QUEUE && once.getAndSet(false)) {
                self.get().stats(); // forbidden: the listener runs under the port's lock
            }
        }).build();
        try (CompletionPort port = CompletionPorts.open("java", options)) {
            self.set(port);
            IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(IllegalStateException.class, () -> port.post(7, 0, null)));
            assertTrue(e.getMessage().contains("PortListener called its port"), e.getMessage());

            // The packet was queued before the event; the lock was released on the way out.
            CompletionEntry entry = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(entry, 0, TimeUnit.MILLISECONDS));
            assertEquals(7, entry.key());
            assertEquals(0, port.stats().queuedPackets());
        }
    }
}
