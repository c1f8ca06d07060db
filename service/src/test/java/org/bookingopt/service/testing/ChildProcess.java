package org.bookingopt.service.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process the test starts (a worker of our jar, a {@code redis-server}) with its output in a log file;
 * {@link #kill} is SIGKILL, as when a machine dies.
 */
public final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, Path logDir, List<String> command) throws IOException {
        Path log = logDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildProcess(name, process, log);
    }

    /** {@code java -jar bookingopt.jar serve <args>}: the jar Maven just packaged, on the test's own JVM. */
    public static ChildProcess bookingopt(String name, Path logDir, List<String> serveArgs) throws IOException {
        String jar = System.getProperty("bookingopt.jar", "target/bookingopt.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "-jar", jar, "serve"));
        command.addAll(serveArgs);
        return start(name, logDir, command);
    }

    /** Waits until the log has a line containing {@code text}; fails with the log's end otherwise. */
    public void awaitLog(String text, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!log().contains(text)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (" + process.exitValue() + ") before logging '"
                        + text + "':\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not log '" + text + "' within " + within + ":\n" + tail());
            }
            Thread.sleep(50);
        }
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public String tail() throws IOException {
        String text = log();
        return text.substring(Math.max(0, text.length() - 4000));
    }

    public String name() {
        return name;
    }

    /** SIGTERM, as a service manager stops it; SIGKILL if it is still there after {@code within}. */
    public void stop(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** SIGKILL: no shutdown hook, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
