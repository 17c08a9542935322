package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Test;

/** Server code that opens its ports with CompletionPorts gets simulated ones under the simulator. */
class SimPortProviderTest {

    @Test
    void insideASimulationTheDefaultBackendIsTheSimulator() {
        AtomicReference<CompletionPort> port = new AtomicReference<>();
        Sim.run(SimOptions.builder().processors(6).build(), sim -> port.set(CompletionPorts.open(0))).assertPassed();
        assertEquals("sim", port.get().backend());
        assertEquals(6, port.get().concurrency(), "R1 on the simulated machine");
        assertTrue(port.get().capabilities().deterministic());
    }

    @Test
    void outsideASimulationTheSimulatorIsUnavailable() {
        try (CompletionPort port = CompletionPorts.open(1)) {
            assertNotEquals("sim", port.backend());
        }
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> CompletionPorts.open("sim", PortOptions.withConcurrency(1)));
        assertTrue(e.getCause().getMessage().contains("only on threads a simulation runs"), e.getCause().getMessage());
        assertFalse(new SimPortProvider().isAvailable());
    }
}
