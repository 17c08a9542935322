package org.iocp4j.conformance;

import java.time.Duration;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.EmulatedPortProvider;

/**
 * The kernel-object contract on the pure-Java backend, on real threads. It lives here rather than
 * in core's tests because core cannot depend on this module, even for tests: Maven's reactor
 * rejects the cycle core -> conformance -> core whatever the scope.
 */
class JavaKernelObjectTest extends KernelObjectSuite {

    @Override
    protected BackendFixture fixture() {
        return new JavaFixture();
    }

    /** The "java" backend on platform threads. */
    private static final class JavaFixture implements BackendFixture {
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
            return port instanceof EmulatedCompletionPort p ? p.invariantViolation() : null;
        }
    }
}
