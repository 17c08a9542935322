package org.iocp4j.sim.conformance;

import java.time.Duration;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.Harness;
import org.iocp4j.conformance.RealThreadHarness;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.EmulatedPortProvider;

/** The same scenarios on real threads (the "java" backend), so they are known to test the contract, not the sim. */
class RealThreadPortScenariosTest extends PortScenarios {
    @Override
    protected BackendFixture fixture() {
        return new BackendFixture() {
            private final Harness harness = new RealThreadHarness(Duration.ofSeconds(20));

            @Override
            public String name() {
                return "java";
            }

            @Override
            public CompletionPort open(PortOptions options) {
                return CompletionPorts.open("java", options);
            }

            @Override
            public PortCapabilities capabilities() {
                return EmulatedPortProvider.CAPABILITIES;
            }

            @Override
            public Harness harness() {
                return harness;
            }

            @Override
            public String invariantViolation(CompletionPort port) {
                return ((EmulatedCompletionPort) port).invariantViolation();
            }
        };
    }
}
