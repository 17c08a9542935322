package org.iocp4j.examples.tour;

import java.util.List;

/** One stop of the tour: a classic IOCP situation, played on real threads and explained. */
interface Scenario {

    /** A short title for the header. */
    String title();

    /** A few lines before it runs: the set-up, and what to notice. */
    List<String> intro();

    /**
     * Plays the scenario, telling every step through {@code narrator}, and returns what it
     * showed. Leaves no thread running and no port open.
     */
    Outcome run(Narrator narrator) throws Exception;
}
