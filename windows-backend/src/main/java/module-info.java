/** iocp4j: windows-backend. */
module org.iocp4j.windows {
    requires org.iocp4j;
}
