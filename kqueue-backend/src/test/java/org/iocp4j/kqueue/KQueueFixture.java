package org.iocp4j.kqueue;

import java.time.Duration;
import org.iocp4j.conformance.EngineFixture;

/** KQueue ports as the conformance suites see them: the engine, its waiters polling instead of parking. */
final class KQueueFixture {
    static final EngineFixture INSTANCE = new EngineFixture(KQueueBackend.NAME, KQueueBackend::open, Duration.ofSeconds(10));

    private KQueueFixture() {}
}
