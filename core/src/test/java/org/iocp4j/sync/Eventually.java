package org.iocp4j.sync;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Awaitility with a 1 ms poll, so scenarios that hand packets around finish in milliseconds. */
final class Eventually {
    private Eventually() {}

    static ConditionFactory await() {
        return await("condition");
    }

    static ConditionFactory await(String what) {
        return Awaitility.await(what).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(20));
    }
}
