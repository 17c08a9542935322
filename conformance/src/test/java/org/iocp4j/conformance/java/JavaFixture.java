package org.iocp4j.conformance.java;

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

/** The pure-Java backend ({@code "java"}: the engine on real threads) as the suites see it. */
final class JavaFixture implements BackendFixture {
    static final JavaFixture INSTANCE = new JavaFixture();

    private final Harness harness = new RealThreadHarness(Duration.ofSeconds(10));

    private JavaFixture() {}

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
        return port instanceof EmulatedCompletionPort engine
                ? engine.invariantViolation()
                : "not a port of the java backend: " + port;
    }
}
