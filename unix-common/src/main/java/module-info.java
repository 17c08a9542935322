/**
 * iocp4j: what the readiness backends (epoll, kqueue) share. Overlapped sockets over Netty's unix
 * {@code Socket}, files on a bounded helper pool, the errno to Win32 table; a backend adds only
 * its Netty {@code IoHandle} glue and its provider.
 */
module org.iocp4j.unix {
    requires transitive org.iocp4j;
    requires transitive io.netty.transport;
    requires transitive io.netty.transport.unix.common;
    requires transitive io.netty.common;

    exports org.iocp4j.unix to org.iocp4j.epoll, org.iocp4j.kqueue;
}
