package org.iocp4j.epoll;

import java.time.Duration;
import org.iocp4j.conformance.EngineFixture;

/** Epoll ports as the conformance suites see them: the engine, its waiters polling instead of parking. */
final class EpollFixture {
    static final EngineFixture INSTANCE = new EngineFixture(EpollBackend.NAME, EpollBackend::open, Duration.ofSeconds(10));

    private EpollFixture() {}
}
