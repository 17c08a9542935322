package org.iocp4j.conformance.java;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.TimeoutSuite;

class JavaTimeoutTest extends TimeoutSuite {
    @Override
    protected BackendFixture fixture() {
        return JavaFixture.INSTANCE;
    }
}
