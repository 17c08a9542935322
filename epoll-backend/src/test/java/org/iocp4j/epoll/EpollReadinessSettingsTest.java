package org.iocp4j.epoll;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** {@code iocp4j.epoll.backstopAlarm}: true gives the backstop a timerfd, false none, anything else a clear error. */
@ResourceLock("system-properties")
class EpollReadinessSettingsTest {
    private final String before = System.getProperty(EpollReadiness.ALARM_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(EpollReadiness.ALARM_PROPERTY);
        } else {
            System.setProperty(EpollReadiness.ALARM_PROPERTY, before);
        }
    }

    @Test
    public void trueGivesATimerfdAndFalseNone() {
        System.setProperty(EpollReadiness.ALARM_PROPERTY, "true");
        TimerFdAlarm alarm = assertInstanceOf(TimerFdAlarm.class, EpollReadiness.INSTANCE.newReleaseAlarm("test"));
        alarm.close();
        System.setProperty(EpollReadiness.ALARM_PROPERTY, "false");
        assertNull(EpollReadiness.INSTANCE.newReleaseAlarm("test"));
    }

    @Test
    public void anythingElseIsAClearError() {
        System.setProperty(EpollReadiness.ALARM_PROPERTY, "yes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EpollReadiness.INSTANCE.newReleaseAlarm("test"));
        assertTrue(e.getMessage().contains("iocp4j.epoll.backstopAlarm must be true"), e.getMessage());
        assertTrue(e.getMessage().contains("'yes'"), e.getMessage());
    }
}
