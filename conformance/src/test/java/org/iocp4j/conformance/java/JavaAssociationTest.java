package org.iocp4j.conformance.java;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.AssociationSuite;

class JavaAssociationTest extends AssociationSuite {
    @Override
    protected BackendFixture fixture() {
        return JavaFixture.INSTANCE;
    }
}
