package org.iocp4j.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.unix.FileDescriptor;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The backend's settings are checked when it is made: a bad value names the property and the rule. */
class UnixBackendSettingsTest {
    private static final String NAME = "settingstest";

    /** A backend that never polls: only its settings are looked at. */
    private static final class Unpolled extends UnixBackend {
        Unpolled() {
            super(NAME);
        }

        @Override
        protected IoHandlerFactory newHandlerFactory() {
            throw new AssertionError("not used");
        }

        @Override
        protected FdWatch newWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
            throw new AssertionError("not used");
        }
    }

    @AfterEach
    void clear() {
        System.clearProperty("iocp4j." + NAME + ".pollers");
        System.clearProperty("iocp4j." + NAME + ".graceMicros");
        System.clearProperty("iocp4j.file.threads");
    }

    @Test
    void zeroPollersIsRefusedByName() {
        System.setProperty("iocp4j." + NAME + ".pollers", "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Unpolled::new);
        assertTrue(e.getMessage().contains("-Diocp4j." + NAME + ".pollers=0 is not valid: give a whole number >= 1"),
                e.getMessage());
    }

    @Test
    void aPollerCountThatIsNoNumberIsRefusedNotIgnored() {
        System.setProperty("iocp4j." + NAME + ".pollers", "four");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Unpolled::new);
        assertTrue(e.getMessage().contains("pollers=four"), e.getMessage());
    }

    @Test
    void aBadFileThreadCountIsRefusedWhenTheBackendStartsNotAtAFileOperation() {
        System.setProperty("iocp4j.file.threads", "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Unpolled::new);
        assertTrue(e.getMessage().contains("-Diocp4j.file.threads=0 is not valid"), e.getMessage());
    }

    @Test
    void aGraceBelowOneMicrosecondIsRefusedByName() {
        System.setProperty("iocp4j." + NAME + ".graceMicros", "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Unpolled::new);
        assertTrue(e.getMessage().contains("-Diocp4j." + NAME + ".graceMicros=0 is not valid"), e.getMessage());
    }

    @Test
    void theDefaultIsHalfTheProcessorsOneToFour() {
        int cpus = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.max(1, Math.min(4, cpus / 2)), new Unpolled().pollerCount());
    }
}
