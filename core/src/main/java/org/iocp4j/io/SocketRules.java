package org.iocp4j.io;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The argument rules every backend enforces before a bind or a connect starts, so bad input
 * changes nothing: the address is resolved (no name lookups behind the caller's back), a listen
 * backlog is not negative, and a ConnectEx has its Overlapped.
 */
public final class SocketRules {
    private SocketRules() {}

    /**
     * A listening socket's bind: {@code local} resolved, {@code backlog >= 0} (0 picks a default).
     *
     * @throws NullPointerException if {@code local} is null
     * @throws IllegalArgumentException naming the argument and what to do
     */
    public static void checkBind(InetSocketAddress local, int backlog) {
        Objects.requireNonNull(local, "local");
        if (local.isUnresolved()) {
            throw new IllegalArgumentException("local " + local + " is unresolved: resolve the host name first");
        }
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog must be >= 0 (0 picks a default), got " + backlog);
        }
    }

    /**
     * A ConnectEx: {@code remote} resolved, an Overlapped given.
     *
     * @throws NullPointerException naming the argument that is null ({@code remote} first)
     * @throws IllegalArgumentException naming the argument and what to do
     */
    public static void checkConnect(InetSocketAddress remote, Overlapped overlapped) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(overlapped, "overlapped");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("remote " + remote + " is unresolved: resolve the host name first "
                    + "(new InetSocketAddress(InetAddress.getByName(host), port))");
        }
    }
}
