package org.iocp4j.epoll;

import org.iocp4j.unix.suite.IoBackendUnderTest;
import org.iocp4j.unix.suite.PollerSuite;

/**
 * The poller suite on epoll: waiting threads poll, the backstop covers when none waits. Its
 * backstop sleeps on a timerfd, or patrols when {@code iocp4j.epoll.backstopAlarm} is false (a
 * second surefire run, so both are tested here).
 */
class EpollPollerTest extends PollerSuite {
    @Override
    protected IoBackendUnderTest backend() {
        return EpollUnderTest.INSTANCE;
    }

    @Override
    protected String backstopSleepsIn() {
        return Boolean.parseBoolean(System.getProperty("iocp4j.epoll.backstopAlarm", "true"))
                ? "sleepUntilRing" : "sleepUntilReleased";
    }
}
