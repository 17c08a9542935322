/** iocp4j: conformance. */
module org.iocp4j.conformance {
    requires transitive org.iocp4j;
    requires transitive org.junit.jupiter.api;
    requires awaitility;
    requires jdk.management;
    exports org.iocp4j.conformance;
    exports org.iocp4j.conformance.model;
    exports org.iocp4j.conformance.io;
}
