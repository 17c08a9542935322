package org.iocp4j.conformance.java;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.CloseSuite;

class JavaCloseTest extends CloseSuite {
    @Override
    protected BackendFixture fixture() {
        return JavaFixture.INSTANCE;
    }
}
