package org.iocp4j.epoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.EngineFixture;
import org.junit.jupiter.api.Test;

/** The fixture the conformance suites use opens epoll ports and sees the engine's invariants. */
class EpollFixtureTest {
    private final EngineFixture fixture = EpollFixture.INSTANCE;

    @Test
    void opensEpollPortsWhoseInvariantsHold() throws Exception {
        try (CompletionPort port = fixture.open(PortOptions.withConcurrency(1))) {
            assertEquals("epoll", port.backend());
            assertEquals(fixture.capabilities(), port.capabilities());
            fixture.harness().run(() -> {
                port.post(1, 2, null);
                assertEquals(DequeueStatus.COMPLETED, port.dequeue(new CompletionEntry(), 0, TimeUnit.SECONDS));
            });
            assertNull(fixture.invariantViolation(port));
        }
    }
}
