package org.iocp4j.conformance;

import java.time.Duration;
import org.iocp4j.CompletionPorts;

/**
 * The kernel-object contract on the pure-Java backend, on real threads. It lives here rather than
 * in core's tests because core cannot depend on this module, even for tests: Maven's reactor
 * rejects the cycle core -> conformance -> core whatever the scope.
 */
class JavaKernelObjectTest extends KernelObjectSuite {

    @Override
    protected BackendFixture fixture() {
        return new EngineFixture("java", options -> CompletionPorts.open("java", options), Duration.ofSeconds(20));
    }
}
