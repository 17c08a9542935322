/** iocp4j: kqueue-backend. */
module org.iocp4j.kqueue {
    requires org.iocp4j;
}
