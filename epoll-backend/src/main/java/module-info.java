/**
 * iocp4j on Linux: the engine with overlapped sockets and files, readiness from Netty's
 * {@code EpollIoHandler}. {@link org.iocp4j.CompletionPorts#open()} picks it on Linux when this
 * module is present; {@link org.iocp4j.epoll.EpollBackend} tells whether it can run here.
 */
module org.iocp4j.epoll {
    requires transitive org.iocp4j;
    requires org.iocp4j.unix;
    requires io.netty.transport.classes.epoll;
    requires com.sun.jna;

    exports org.iocp4j.epoll;

    provides org.iocp4j.spi.CompletionPortProvider with org.iocp4j.epoll.EpollPortProvider;
}
