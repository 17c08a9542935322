package org.iocp4j.unix;

import org.iocp4j.Win32Error;
import io.netty.channel.unix.Errors;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Netty's unix {@code Socket} throws back into an errno, then into Win32 through
 * {@link Errno}. Netty keeps the errno in {@link Errors.NativeIoException}; for a few errors it
 * throws a JDK exception instead, and for a failed connect a {@link ConnectException} whose
 * message carries {@code error(-N)}.
 */
final class NativeErrors {
    private static final Pattern ERRNO_IN_MESSAGE = Pattern.compile("error\\((-?\\d+)\\)");

    private NativeErrors() {}

    /** The positive errno behind {@code t}, or 0 when it cannot be told. */
    static int errnoOf(Throwable t) {
        if (t instanceof Errors.NativeIoException n) {
            return Math.abs(n.expectedErr());
        }
        if (t instanceof ClosedChannelException) {
            return Errno.EBADF.number();
        }
        if (t instanceof NotYetConnectedException) {
            return Errno.ENOTCONN.number();
        }
        if (t instanceof AlreadyConnectedException) {
            return Errno.EISCONN.number();
        }
        if (t instanceof NoRouteToHostException) {
            // Netty folds ENETUNREACH and EHOSTUNREACH into this; a synchronous connect failure
            // is almost always the routing lookup, so the network is the one unreachable.
            return Errno.ENETUNREACH.number();
        }
        if (t instanceof PortUnreachableException) {
            return Errno.ECONNREFUSED.number();
        }
        if (t instanceof FileNotFoundException) {
            return Errno.ENOENT.number();
        }
        if (t instanceof ConnectException && t.getMessage() != null) {
            Matcher m = ERRNO_IN_MESSAGE.matcher(t.getMessage());
            return m.find() ? Math.abs(Integer.parseInt(m.group(1))) : Errno.ECONNREFUSED.number();
        }
        if (t.getCause() != null && t.getCause() != t) {
            return errnoOf(t.getCause()); // ChannelException wrapping a NativeIoException
        }
        return 0;
    }

    /** The Win32 error for {@code t}; ERROR_GEN_FAILURE when no errno can be found. */
    static int win32Of(Throwable t) {
        int errno = errnoOf(t);
        return errno == 0 ? Win32Error.ERROR_GEN_FAILURE : Errno.toWin32(errno);
    }
}
