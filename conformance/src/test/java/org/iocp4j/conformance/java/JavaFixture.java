package org.iocp4j.conformance.java;

import java.time.Duration;
import org.iocp4j.CompletionPorts;
import org.iocp4j.conformance.EngineFixture;

/** The pure-Java backend ({@code "java"}: the engine on real threads) as the suites see it. */
final class JavaFixture {
    static final EngineFixture INSTANCE =
            new EngineFixture("java", options -> CompletionPorts.open("java", options), Duration.ofSeconds(10));

    private JavaFixture() {}
}
