package org.iocp4j.io;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Objects;
import java.util.Set;

/**
 * The socket options an {@link AsyncSocket} supports on every backend, and the argument rules
 * each enforces before anything changes: TCP_NODELAY and SO_KEEPALIVE (booleans), SO_RCVBUF and
 * SO_SNDBUF (a size of at least 1 byte, which the OS may round or, on Linux, double).
 */
public final class SocketOptionRules {
    /** What {@link AsyncSocket#supportedOptions()} answers on every backend. */
    public static final Set<SocketOption<?>> SUPPORTED = Set.of(StandardSocketOptions.TCP_NODELAY,
            StandardSocketOptions.SO_KEEPALIVE, StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_SNDBUF);

    private SocketOptionRules() {}

    /**
     * Checks an option to be read.
     *
     * @throws NullPointerException if {@code option} is null
     * @throws UnsupportedOperationException if it is not one of {@link #SUPPORTED}
     */
    public static void checkOption(SocketOption<?> option) {
        Objects.requireNonNull(option, "option");
        if (!SUPPORTED.contains(option)) {
            throw new UnsupportedOperationException("socket option " + option.name() + " is not supported; an "
                    + "AsyncSocket supports TCP_NODELAY, SO_KEEPALIVE, SO_RCVBUF and SO_SNDBUF");
        }
    }

    /**
     * Checks an option and the value to set it to.
     *
     * @throws NullPointerException if {@code option} is null
     * @throws UnsupportedOperationException if it is not one of {@link #SUPPORTED}
     * @throws IllegalArgumentException if {@code value} is null, not of the option's type (raw
     *     types or an unchecked cast let one through), or, for a buffer size, below 1
     */
    public static <T> void checkSet(SocketOption<T> option, T value) {
        checkOption(option);
        if (value == null) {
            throw new IllegalArgumentException(option.name() + " needs a value, got null");
        }
        if (!option.type().isInstance(value)) { // as the JDK's channels check it
            throw new IllegalArgumentException(option.name() + " takes a " + option.type().getSimpleName() + ", got a "
                    + value.getClass().getName() + " (" + value + ")");
        }
        if (isBufferSize(option) && (Integer) value < 1) {
            throw new IllegalArgumentException(option.name() + " must be at least 1 byte, got " + value);
        }
    }

    /** SO_RCVBUF or SO_SNDBUF: an int the OS reports only once the socket exists. */
    public static boolean isBufferSize(SocketOption<?> option) {
        return option == StandardSocketOptions.SO_RCVBUF || option == StandardSocketOptions.SO_SNDBUF;
    }
}
