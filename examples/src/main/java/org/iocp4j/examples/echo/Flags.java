package org.iocp4j.examples.echo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line flags of the echo examples: {@code --name value} or {@code name=value}. An
 * argument holding blanks is split first, so Maven can pass every flag in one property
 * ({@code -Decho.args="--port 7007 --threads 2"}). Each flag has a default; an unknown flag, a
 * missing value or a number out of range is an {@link IllegalArgumentException} that names the
 * flag and says what is allowed.
 */
final class Flags {
    private final String program;
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Flags of {@code program} with their defaults, in the order the usage line lists them. */
    Flags(String program, Map<String, String> defaults) {
        this.program = program;
        values.putAll(defaults);
    }

    /**
     * Reads {@code args} over the defaults.
     *
     * @throws IllegalArgumentException naming the bad argument; the flags read so far stay as they were
     */
    Flags parse(String... args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            for (String w : arg.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        Map<String, String> read = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String name;
            String value;
            int eq = w.indexOf('=');
            if (eq > 0) {
                name = w.substring(w.startsWith("--") ? 2 : 0, eq);
                value = w.substring(eq + 1);
            } else if (w.startsWith("--") && i + 1 < words.size()) {
                name = w.substring(2);
                value = words.get(++i);
            } else {
                throw new IllegalArgumentException("'" + w + "': expected --name value or name=value; " + usage());
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown flag '" + name + "'; " + usage());
            }
            read.put(name, value);
        }
        values.putAll(read); // only once every argument was understood
        return this;
    }

    String text(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no flag '" + name + "'; " + usage());
        }
        return v;
    }

    /**
     * The flag as yes (true) or no (false).
     *
     * @throws IllegalArgumentException if it is anything else
     */
    boolean yesNo(String name) {
        String v = text(name);
        if (v.equals("yes") || v.equals("no")) {
            return v.equals("yes");
        }
        throw new IllegalArgumentException("--" + name + " must be yes or no, got '" + v + "'");
    }

    /**
     * The flag as a host name or address to connect to.
     *
     * @throws IllegalArgumentException if it is empty or does not resolve
     */
    InetAddress host(String name) {
        String v = text(name);
        if (v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " must name a host or an address, got an empty value");
        }
        try {
            return InetAddress.getByName(v);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--" + name + " '" + v + "' does not resolve: " + e.getMessage(), e);
        }
    }

    /**
     * The flag as an int in [min, max].
     *
     * @throws IllegalArgumentException if it is not a number in that range
     */
    int number(String name, int min, int max) {
        String v = text(name);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number from " + min + " to " + max
                + ", got '" + v + "'");
    }

    /**
     * The flag as seconds (a decimal number, 0 to {@code max}).
     *
     * @throws IllegalArgumentException if it is not a number in that range
     */
    double seconds(String name, double max) {
        String v = text(name);
        try {
            double s = Double.parseDouble(v);
            if (s >= 0 && s <= max) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be seconds from 0 to " + max + ", got '" + v + "'");
    }

    /** One line naming every flag and its default. */
    String usage() {
        StringBuilder sb = new StringBuilder("usage: ").append(program);
        values.forEach((k, v) -> sb.append(" [--").append(k).append(' ').append(v).append(']'));
        return sb.toString();
    }
}
