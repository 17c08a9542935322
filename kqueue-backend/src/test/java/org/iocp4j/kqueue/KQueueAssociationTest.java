package org.iocp4j.kqueue;

import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.AssociationSuite;
import org.junit.jupiter.api.Tag;

/** {@link AssociationSuite}, the port contract the other backends pass too, on a kqueue port (macOS profile). */
@Tag("macos")
class KQueueAssociationTest extends AssociationSuite {
    @Override
    protected BackendFixture fixture() {
        return KQueueFixture.INSTANCE;
    }
}
