package org.iocp4j.sim;

/**
 * What a property check did when it passed.
 *
 * @param name the property's name
 * @param mode how the runs were chosen: {@code seeds}, {@code exhaustive} or {@code replay}
 * @param runs the runs made; in exhaustive mode, the distinct schedules covered
 * @param steps the scheduling steps of all runs together
 * @param mostChoicePoints the largest number of choice points in one run
 */
public record PropertyReport(String name, String mode, long runs, long steps, int mostChoicePoints) {

    /** One line for a test report. */
    public String describe() {
        String what = switch (mode) {
            case "exhaustive" -> "covered all " + runs + " distinct schedules";
            case "replay" -> "the replayed run passed";
            default -> "passed " + runs + " seeds";
        };
        return "property '" + name + "' " + what + " (" + steps + " steps, at most " + mostChoicePoints
                + " choice points per run)";
    }
}
