package org.bookingopt.service.config;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics} of a worker process: the worker role runs no web server (so no actuator endpoint),
 * and Prometheus scrapes this small JDK server on {@code bookingopt.metrics.worker-port} instead. It answers
 * that one path, as the api and all roles answer it on {@code server.port}.
 */
@Component
@ConditionalOnExpression("'${bookingopt.role:all}' == 'worker' and ${bookingopt.metrics.worker-port:0} > 0")
public class WorkerMetricsServer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WorkerMetricsServer.class);
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final int port;
    private HttpServer server;

    public WorkerMetricsServer(PrometheusMeterRegistry registry, @Value("${bookingopt.metrics.worker-port}") int port) {
        this.registry = registry;
        this.port = port;
    }

    @Override
    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve worker metrics on port " + port, e);
        }
        server.createContext("/", this::answer);
        server.start();
        log.info("Worker metrics on http://*:{}/metrics", port);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
