package org.iocp4j.sim.conformance;

import java.time.Duration;
import org.iocp4j.CompletionPorts;
import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.EngineFixture;

/** The same scenarios on real threads (the "java" backend), so they are known to test the contract, not the sim. */
class RealThreadPortScenariosTest extends PortScenarios {
    @Override
    protected BackendFixture fixture() {
        return new EngineFixture("java", options -> CompletionPorts.open("java", options), Duration.ofSeconds(20));
    }
}
