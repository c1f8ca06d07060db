package org.bookingopt.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.Json;
import org.bookingopt.service.testing.ChildProcess;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * deploy/nginx/nginx.conf as it ships, run by Debian's nginx ({@code nginx -p <dir> -c <dir>/nginx.conf}, no
 * root, on loopback ports) in front of two real api processes and one worker of the packaged jar on the redis
 * backend, with a self-signed certificate made by openssl for this run. The test swaps only the conf's lines
 * marked {@code # deploy:} (ports, certificate, api nodes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxFrontIT {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Three JVMs starting at once on a busy 2-core machine. */
    private static final Duration START = Duration.ofSeconds(240);

    @TempDir
    static Path dir;
    private final List<ChildProcess> processes = new ArrayList<>();
    private final List<Integer> apiPorts = new ArrayList<>();
    private int workerMetricsPort;
    private int httpsPort;
    private int httpPort;
    private HttpClient https;
    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(WAIT).build();

    @BeforeAll
    void startApiNodesAWorkerAndNginx() throws Exception {
        assertThat(NGINX).as("Debian's nginx (installed by .ci/services.sh)").isExecutable();
        String prefix = TestRedis.shared().newPrefix();
        List<String> common = List.of("--bookingopt.backend=redis",
                "--spring.data.redis.port=" + TestRedis.SHARED_PORT, "--bookingopt.redis.key-prefix=" + prefix,
                "--bookingopt.limits.active-jobs-per-user=100",
                // nginx's limits are under test, not the service's; callers are named by X-User-ID
                "--bookingopt.limits.enabled=false", "--bookingopt.auth.enabled=false");
        for (String name : List.of("api1", "api2")) {
            int port = freePort();
            apiPorts.add(port);
            processes.add(ChildProcess.bookingopt(name, dir, concat(common, "--role", "api", "--port",
                    Integer.toString(port))));
        }
        workerMetricsPort = freePort();
        ChildProcess worker = ChildProcess.bookingopt("worker", dir, concat(common, "--role", "worker",
                "--bookingopt.jobs.worker-name=worker", "--bookingopt.jobs.workers=1",
                "--bookingopt.jobs.solver-threads=1", "--bookingopt.metrics.worker-port=" + workerMetricsPort));
        processes.add(worker);

        Path conf = renderNginx();
        https = HttpClient.newBuilder().connectTimeout(WAIT).sslContext(trusting(dir.resolve("nginx/cert.pem")))
                .build();
        ChildProcess check = ChildProcess.start("nginx-t", dir, List.of(NGINX.toString(), "-t", "-p",
                conf.getParent() + "/", "-c", conf.toString()));
        check.awaitLog("test is successful", WAIT);
        ChildProcess nginx = ChildProcess.start("nginx", dir, List.of(NGINX.toString(), "-p", conf.getParent() + "/",
                "-c", conf.toString(), "-g", "daemon off;"));
        processes.add(nginx);

        for (int i = 0; i < 2; i++) {
            processes.get(i).awaitLog("Started BookingOptApplication", START);
        }
        worker.awaitLog("job worker(s) started", START);
        await("nginx over TLS", WAIT, () -> answers(https, "https://127.0.0.1:" + httpsPort + "/health"));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (ChildProcess p : processes.reversed()) {
            p.stop(WAIT); // nginx's master stops its workers on SIGTERM
        }
    }

    /** deploy/nginx/*.conf into {@code dir/nginx}, with this run's ports, certificate and api nodes. */
    private Path renderNginx() throws Exception {
        Path deploy = Path.of(System.getProperty("bookingopt.deploy", "../deploy")).resolve("nginx");
        Path target = Files.createDirectories(dir.resolve("nginx"));
        // nginx's worker processes run as nobody when the test runs as root: they must reach their temp dirs.
        for (Path p : List.of(dir, target)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path cert = target.resolve("cert.pem");
        Path key = target.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1").redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0)
                .as("openssl made a certificate: %s", Files.readString(dir.resolve("openssl.log"))).isTrue();
        httpPort = freePort();
        httpsPort = freePort();
        try (Stream<Path> pieces = Files.list(deploy)) {
            for (Path piece : pieces.filter(p -> p.toString().endsWith(".conf")).toList()) {
                Files.copy(piece, target.resolve(piece.getFileName()));
            }
        }
        Iterator<Integer> apis = apiPorts.iterator();
        Map<String, Integer> replaced = new HashMap<>();
        StringBuilder out = new StringBuilder();
        // "<directive> <first argument><rest>;  # deploy: <what>": the first argument is replaced.
        Pattern marked = Pattern.compile("^(\\s*\\S+\\s+)([^\\s;]+)(.*;\\s*# deploy: (.+))$");
        for (String line : Files.readAllLines(deploy.resolve("nginx.conf"))) {
            Matcher m = marked.matcher(line);
            if (m.matches()) {
                String what = m.group(4).strip();
                String value = switch (what) {
                    case "http port" -> "127.0.0.1:" + httpPort;
                    case "https port" -> "127.0.0.1:" + httpsPort;
                    case "certificate" -> cert.toString();
                    case "certificate key" -> key.toString();
                    case "api node" -> "127.0.0.1:" + apis.next();
                    default -> throw new IllegalStateException("unknown deploy line: " + line);
                };
                line = m.group(1) + value + m.group(3); // the value is the directive's first argument
                replaced.merge(what, 1, Integer::sum);
            }
            out.append(line).append('\n');
        }
        assertThat(replaced).as("the lines of nginx.conf this test replaces")
                .isEqualTo(Map.of("http port", 1, "https port", 1, "certificate", 1, "certificate key", 1,
                        "api node", 2));
        Path conf = target.resolve("nginx.conf");
        Files.writeString(conf, out.toString());
        return conf;
    }

    // ---- the tests ----

    @Test
    void jobsGoThroughTlsToBothApiNodesAndComeBackWithSecurityHeaders() throws Exception {
        String id = submit("through-tls", "key-tls").body().get("job_id").asString();
        JsonNode done = awaitFinished(id, "key-tls");
        assertThat(done.get("status").asString()).isEqualTo("completed");
        for (int i = 0; i < 6; i++) {
            assertThat(send(get("/health", "key-tls")).status()).isEqualTo(200);
        }

        for (int port : apiPorts) {
            String metrics = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(sum(metrics, "http_server_requests_seconds_count", "uri=\"/health\""))
                    .as("requests nginx passed to the node on port %d", port).isGreaterThan(0);
        }
        Answer health = send(get("/health", "key-tls"));
        assertThat(health.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY").containsKey("strict-transport-security");
        HttpResponse<String> redirect = plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/health")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).as("plain HTTP is sent to HTTPS").isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location").orElse("")).startsWith("https://");
    }

    @Test
    void theFourthQuickSubmissionOfAKeyGets429ProblemJsonWithRetryAfter() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        Answer refused = null;
        for (int i = 1; i <= 4; i++) {
            Answer a = submit("burst-" + i, "key-burst");
            statuses.add(a.status());
            refused = a;
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(refused.body().get("status").asInt()).isEqualTo(429);
        assertThat(refused.headers()).containsEntry("retry-after", "5");
        assertThat(submit("other-key", "key-other").status()).as("another key has its own limit").isEqualTo(200);
        HttpRequest bearer = HttpRequest.newBuilder(uri("/api/v1/optimize")).timeout(WAIT)
                .header("Content-Type", "application/json").header("X-User-ID", "nginx-it")
                .header("Authorization", "Bearer key-bearer")
                .POST(HttpRequest.BodyPublishers.ofString(Fixtures.text("sample1.fixedplan.json"))).build();
        assertThat(send(bearer).status()).as("a Bearer key has its own limit too").isEqualTo(200);
    }

    @Test
    void aBodyOver32MegabytesGets413ProblemJsonFromNginx() throws Exception {
        byte[] body = new byte[33 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/optimize")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-API-Key", "key-large")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        Answer answer = send(request);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/body-too-large");
    }

    @Test
    void metricsAreNotServedToTheOutsideButTheWorkerServesItsOwn() throws Exception {
        Answer outside = send(get("/metrics", "key-metrics"));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.contentType()).isEqualTo("application/problem+json");

        // A job that solves (a fixed plan's restrictions solve nothing, and count no solver status).
        String id = send(post(Fixtures.withProblemId("sample1.json", "worker-metrics").toString(), "key-metrics"))
                .body().get("job_id").asString();
        awaitFinished(id, "key-metrics");
        String metrics = plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + workerMetricsPort + "/metrics")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(sum(metrics, "bookingopt_jobs_duration_seconds_count", "outcome=\"completed\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sum(metrics, "bookingopt_solver_status_total", "status=")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("bookingopt_queue_depth{priority=\"high\"}");
    }

    @Test
    void jobEventsStreamThroughNginxAsTheyHappen() throws Exception {
        ObjectNode problem = (ObjectNode) Json.MAPPER.readTree(
                HotelGenerator.generate(GeneratorSettings.of(150, 120, 0.9, 3, 1)).toJsonString());
        problem.put("ProblemId", "events");
        problem.put("TimeLimitSeconds", 4);
        Answer submitted = send(post(problem.toString(), "key-events"));
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(200);
        String id = submitted.body().get("job_id").asString();

        CompletableFuture<HttpResponse<Stream<String>>> stream = https.sendAsync(get("/api/v1/jobs/" + id
                + "/events", "key-events"), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> events = stream.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(events.statusCode()).isEqualTo(200);
        Iterator<String> lines = events.body().iterator();
        String running = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (running == null && lines.hasNext() && System.nanoTime() < deadline) {
            String line = lines.next();
            if (line.startsWith("data:") && line.contains("\"status\":\"running\"")) {
                running = line;
            }
        }
        assertThat(running).as("an event of the running job").isNotNull();
        JsonNode now = Json.MAPPER.readTree(plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + apiPorts.getFirst() + "/api/v1/jobs/" + id)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(now.get("status").asString()).as("the event came while the job ran, not buffered to its end")
                .isEqualTo("running");
        events.body().close();
        awaitFinished(id, "key-events");
    }

    // ---- helpers ----

    private record Answer(int status, Map<String, String> headers, JsonNode body, String contentType) {
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + httpsPort + path);
    }

    private HttpRequest get(String path, String key) {
        return HttpRequest.newBuilder(uri(path)).timeout(WAIT).header("X-API-Key", key).GET().build();
    }

    private HttpRequest post(String problem, String key) {
        return HttpRequest.newBuilder(uri("/api/v1/optimize")).timeout(WAIT)
                .header("Content-Type", "application/json").header("X-API-Key", key).header("X-User-ID", "nginx-it")
                .POST(HttpRequest.BodyPublishers.ofString(problem)).build();
    }

    private Answer submit(String problemId, String key) throws Exception {
        return send(post(Fixtures.withProblemId("sample1.fixedplan.json", problemId).toString(), key));
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> r = https.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>();
        r.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        String type = headers.getOrDefault("content-type", "");
        JsonNode body = type.contains("json") ? Json.MAPPER.readTree(r.body()) : null;
        return new Answer(r.statusCode(), headers, body, type);
    }

    private JsonNode awaitFinished(String id, String key) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Answer job = send(get("/api/v1/jobs/" + id, key));
            assertThat(job.status()).as("%s", job.body()).isEqualTo(200);
            if (Set.of("completed", "failed", "cancelled").contains(job.body().get("status").asString())) {
                return job.body();
            }
            assertThat(System.nanoTime()).as("job %s still %s", id, job.body().get("status")).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** The sum of the samples of {@code metric} whose labels contain {@code label}. */
    private static double sum(String scrape, String metric, String label) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private static boolean answers(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Trusts exactly the certificate openssl made for this run: TLS is verified, host name included. */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
