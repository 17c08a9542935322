/**
 * iocp4j: the native Windows backend, {@code "windows"}: the kernel's own completion port through
 * JNA. Found with {@link java.util.ServiceLoader}; available only on Windows (and under Wine).
 */
module org.iocp4j.windows {
    requires transitive org.iocp4j;
    requires com.sun.jna;

    exports org.iocp4j.windows;

    provides org.iocp4j.spi.CompletionPortProvider with org.iocp4j.windows.WindowsPortProvider;
}
