package org.iocp4j.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import org.iocp4j.Win32Error;
import org.junit.jupiter.api.Test;

/** Netty's exceptions back to errno, for the cases that carry no errno field (no native library needed). */
class NativeErrorsTest {

    @Test
    void aConnectExceptionCarriesTheErrnoInItsMessage() {
        int refused = Errno.ECONNREFUSED.number();
        assertEquals(refused, NativeErrors.errnoOf(
                new ConnectException("connect(..) failed with error(-" + refused + "): Connection refused")));
        assertEquals(Win32Error.ERROR_CONNECTION_REFUSED, NativeErrors.win32Of(new ConnectException("no number")));
    }

    @Test
    void jdkExceptionsNettyThrowsInsteadOfAnErrno() {
        assertEquals(Win32Error.ERROR_INVALID_HANDLE, NativeErrors.win32Of(new ClosedChannelException()));
        assertEquals(Win32Error.WSAENOTCONN, NativeErrors.win32Of(new NotYetConnectedException()));
        assertEquals(Win32Error.ERROR_NETWORK_UNREACHABLE, NativeErrors.win32Of(new NoRouteToHostException()));
        assertEquals(Win32Error.ERROR_FILE_NOT_FOUND, NativeErrors.win32Of(new FileNotFoundException()));
    }

    @Test
    void aWrappedCauseIsUnwrappedAndAnythingElseIsGenFailure() {
        assertEquals(Win32Error.ERROR_INVALID_HANDLE,
                NativeErrors.win32Of(new RuntimeException(new ClosedChannelException())));
        assertEquals(Win32Error.ERROR_GEN_FAILURE, NativeErrors.win32Of(new IOException("what")));
    }
}
