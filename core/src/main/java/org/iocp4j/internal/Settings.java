package org.iocp4j.internal;

/**
 * The library's numeric system properties (docs/io.md lists them), read strictly: a value that is
 * not a whole number, or is below its least value, is refused with an exception that names the
 * property, the value and what it accepts, rather than ignored for the default as
 * {@link Integer#getInteger} would.
 */
public final class Settings {
    private Settings() {}

    /**
     * The value of {@code -D<name>}, or {@code fallback} when it is unset or blank.
     *
     * @throws IllegalArgumentException if it is set to anything but a whole number of at least {@code least}
     */
    public static long wholeNumber(String name, long fallback, long least) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(refusal(name, v, least), e);
        }
        if (n < least) {
            throw new IllegalArgumentException(refusal(name, v, least));
        }
        return n;
    }

    /** As {@link #wholeNumber}, for an int. */
    public static int wholeInt(String name, int fallback, int least) {
        long n = wholeNumber(name, fallback, least);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(refusal(name, Long.toString(n), least + " and <= " + Integer.MAX_VALUE));
        }
        return (int) n;
    }

    private static String refusal(String name, String value, Object range) {
        return "-D" + name + "=" + value + " is not valid: give a whole number >= " + range
                + ", or leave it unset for the default";
    }
}
