/**
 * iocp4j: Windows I/O completion ports for Java, on every OS.
 *
 * <p>{@code org.iocp4j} is the API, {@code org.iocp4j.sync} the kernel objects,
 * {@code org.iocp4j.spi} what a backend implements; the emulation engine in
 * {@code org.iocp4j.internal} is exported only to the backends that emulate.
 */
module org.iocp4j {
    exports org.iocp4j;
    exports org.iocp4j.sync;
    exports org.iocp4j.spi;
    exports org.iocp4j.io;
    exports org.iocp4j.internal to org.iocp4j.sim, org.iocp4j.epoll, org.iocp4j.kqueue, org.iocp4j.unix,
            org.iocp4j.conformance;
    exports org.iocp4j.internal.io to org.iocp4j.sim, org.iocp4j.epoll, org.iocp4j.kqueue, org.iocp4j.unix;

    uses org.iocp4j.spi.CompletionPortProvider;

    provides org.iocp4j.spi.CompletionPortProvider with org.iocp4j.internal.EmulatedPortProvider;
}
