/** iocp4j: epoll-backend. */
module org.iocp4j.epoll {
    requires org.iocp4j;
}
