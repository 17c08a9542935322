package org.iocp4j.benchmarks.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One echo server in its own JVM: started, asked for its port, sampled through /proc, stopped. */
final class ServerProcess implements AutoCloseable {
    /** The line each server prints once it listens: {@code listening on port N}. */
    private static final Pattern LISTENING = Pattern.compile("(?:listening on port |on [0-9.]+:)(\\d+)");

    final String name;
    final int port;
    private final Process process;

    private ServerProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Printed by the benchmark's own servers once they listen. */
    static void announce(String server, int port, int threads) {
        System.out.println("listening on port " + port + " (" + server + ", " + threads + " threads)");
    }

    /**
     * Starts {@code mainClass} with {@code args} in a JVM of {@code java} on {@code classPath},
     * and waits (at most 60 s) for the line that names its port.
     */
    static ServerProcess start(String name, String java, List<String> jvmFlags, String classPath, String mainClass,
            List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        AtomicBoolean listening = new AtomicBoolean();
        // readLine blocks: a server silent for 60 s is killed, which ends the read below
        CompletableFuture.runAsync(() -> {
            if (!listening.get()) {
                p.destroyForcibly();
            }
        }, CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                listening.set(true);
                Thread.ofPlatform().daemon().name(name + "-output").start(() -> drain(out));
                return new ServerProcess(name, p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IOException(name + " did not say which port it listens on within 60 s; it printed:\n" + seen);
    }

    /** Keeps reading what the server prints, so it never blocks on a full pipe. */
    private static void drain(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                System.err.println("  [server] " + line);
            }
        } catch (IOException e) {
            // the server ended
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
