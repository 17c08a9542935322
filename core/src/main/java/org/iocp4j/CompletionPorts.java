package org.iocp4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.iocp4j.spi.CompletionPortProvider;

/**
 * Opens completion ports on the best backend this machine has (Windows: native; Linux: epoll;
 * macOS: kqueue; otherwise the pure-Java emulation, {@code "java"}), or on one named backend.
 */
public final class CompletionPorts {

    private CompletionPorts() {}

    /** Opens a port with one active thread per processor (R1). */
    public static CompletionPort open() {
        return open(PortOptions.withConcurrency(0));
    }

    /**
     * Opens a port with the given concurrency maximum (0 = number of processors, R1).
     *
     * @throws IllegalArgumentException if concurrency is negative
     */
    public static CompletionPort open(int concurrency) {
        return open(PortOptions.withConcurrency(concurrency));
    }

    /** Opens a port on the available backend of highest priority. */
    public static CompletionPort open(PortOptions options) {
        Objects.requireNonNull(options, "options");
        for (CompletionPortProvider p : providers()) {
            if (p.isAvailable()) {
                return p.open(options);
            }
        }
        throw new IllegalStateException("no completion-port backend is available; backends: " + describe());
    }

    /**
     * Opens a port on the named backend.
     *
     * @throws IllegalArgumentException if no backend has that name
     * @throws UnsupportedOperationException if it is not available here; the cause says why
     */
    public static CompletionPort open(String backend, PortOptions options) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(options, "options");
        for (CompletionPortProvider p : providers()) {
            if (p.name().equals(backend)) {
                if (!p.isAvailable()) {
                    throw new UnsupportedOperationException("backend '" + backend + "' is not available here",
                            p.unavailabilityCause());
                }
                return p.open(options);
            }
        }
        throw new IllegalArgumentException("no backend named '" + backend + "'; known: " + describe());
    }

    /** Every backend on the class or module path, highest priority first. */
    public static List<CompletionPortProvider> providers() {
        List<CompletionPortProvider> all = new ArrayList<>();
        ServiceLoader.load(CompletionPortProvider.class, CompletionPorts.class.getClassLoader()).forEach(all::add);
        all.sort(Comparator.comparingInt(CompletionPortProvider::priority).reversed());
        return all;
    }

    /** Each backend present with whether it is available, and why not. */
    static String describe() {
        StringBuilder sb = new StringBuilder();
        for (CompletionPortProvider p : providers()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(p.name()).append(p.isAvailable() ? " (available)" : " (unavailable: " + p.unavailabilityCause() + ")");
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
