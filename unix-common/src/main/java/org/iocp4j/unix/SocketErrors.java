package org.iocp4j.unix;

import org.iocp4j.Win32Error;
import io.netty.channel.unix.Socket;

/** The Win32 error of a failed socket call, with the one case the errno alone cannot tell. */
final class SocketErrors {
    private SocketErrors() {}

    static int of(Socket s, Throwable t) {
        int errno = NativeErrors.errnoOf(t);
        if (errno == Errno.EPIPE.number() && s.isOutputShutdown()) {
            return Win32Error.WSAESHUTDOWN; // we shut our side down ourselves
        }
        return errno == 0 ? Win32Error.ERROR_GEN_FAILURE : Errno.toWin32(errno);
    }
}
