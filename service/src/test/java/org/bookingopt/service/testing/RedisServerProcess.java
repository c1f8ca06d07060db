package org.bookingopt.service.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A {@code redis-server} of the test's own: its own port and directory, AOF on with every write synced
 * ({@code appendfsync always}), so a SIGKILL loses nothing, as in production with persistence.
 */
public final class RedisServerProcess implements AutoCloseable {
    private final Path dir;
    private final int port;
    private ChildProcess server;
    private int starts;

    public RedisServerProcess(Path dir) throws IOException {
        this.dir = dir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Starts it (again), on the same port and data, and waits until it has loaded its AOF. */
    public void start() throws IOException, InterruptedException {
        starts++;
        server = ChildProcess.start("redis-" + port + "-" + starts, dir, List.of("redis-server", "--port",
                Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes",
                "--appendfsync", "always", "--save", ""));
        server.awaitLog("Ready to accept connections", Duration.ofSeconds(10));
    }

    /** SIGKILL, as when the machine dies. */
    public void kill() throws InterruptedException {
        server.kill();
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }
}
