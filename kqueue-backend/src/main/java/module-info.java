/**
 * iocp4j on macOS and the BSDs: the engine with overlapped sockets and files, readiness from
 * Netty's {@code KQueueIoHandler}. {@link org.iocp4j.CompletionPorts#open()} picks it there when
 * this module is present; {@link org.iocp4j.kqueue.KQueueBackend} tells whether it can run.
 */
module org.iocp4j.kqueue {
    requires transitive org.iocp4j;
    requires org.iocp4j.unix;
    requires io.netty.transport.classes.kqueue;

    exports org.iocp4j.kqueue;

    provides org.iocp4j.spi.CompletionPortProvider with org.iocp4j.kqueue.KQueuePortProvider;
}
