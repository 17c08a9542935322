/**
 * iocp4j's deterministic simulator: the engine under a seeded scheduler with virtual time,
 * replayable traces, a property runner that shrinks failures, and its JUnit 5 extension.
 */
module org.iocp4j.sim {
    requires transitive org.iocp4j;
    requires transitive org.junit.jupiter.api;

    exports org.iocp4j.sim;
    exports org.iocp4j.sim.io;

    provides org.iocp4j.spi.CompletionPortProvider with org.iocp4j.sim.SimPortProvider;
}
