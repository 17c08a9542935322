package org.iocp4j.conformance.java;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.ModelDifferentialSuite;

class JavaModelDifferentialTest extends ModelDifferentialSuite {
    @Override
    protected BackendFixture fixture() {
        return JavaFixture.INSTANCE;
    }
}
