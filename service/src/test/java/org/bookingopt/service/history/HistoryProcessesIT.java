package org.bookingopt.service.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.testing.ChildProcess;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.TestPostgres;
import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 500 submissions from 20 callers through 2 api processes to 3 worker processes of the packaged jar, on the
 * shared Redis and PostgreSQL: every job completes exactly once and the history has every job.
 */
class HistoryProcessesIT {
    private static final int USERS = 20;
    private static final int PER_USER = 25;
    private static final Duration WAIT = Duration.ofMinutes(3);
    /** Five JVMs starting at once on a shared 2-core machine: generous. */
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Pattern COMPLETED = Pattern.compile("Job ([0-9a-f-]{36}) completed after");

    @TempDir
    Path dir;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private ChildProcess process(String name, String role, String prefix, String schema, List<String> more)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--role", role, "--bookingopt.backend=redis",
                "--spring.data.redis.port=" + TestRedis.SHARED_PORT, "--bookingopt.redis.key-prefix=" + prefix,
                "--bookingopt.jobs.worker-name=" + name, "--bookingopt.jobs.solver-threads=1",
                "--bookingopt.database=postgres", "--spring.datasource.url=" + TestPostgres.url(schema),
                "--spring.datasource.username=postgres", "--spring.flyway.schemas=" + schema,
                // callers named by X-User-ID, no rate limits, no result cache: every submission is a job to run
                "--bookingopt.auth.enabled=false", "--bookingopt.limits.enabled=false",
                "--bookingopt.cache.enabled=false"));
        args.addAll(more);
        ChildProcess p = ChildProcess.bookingopt(name, dir, args);
        toClose.add(p);
        return p;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void fiveHundredSubmissionsThroughTwoApiNodesToThreeWorkersCompleteOnceEachAndAreAllInTheHistory()
            throws Exception {
        String schema = TestPostgres.SCHEMA + "_processes";
        DataSource database = TestPostgres.dataSource(schema); // migrated before the processes start
        String prefix = TestRedis.shared().newPrefix();
        List<Integer> ports = List.of(freePort(), freePort());
        List<ChildProcess> apis = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            apis.add(process("api" + (i + 1), "api", prefix, schema, List.of("--port", ports.get(i).toString())));
        }
        List<ChildProcess> workers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            workers.add(process("w" + i, "worker", prefix, schema, List.of("--bookingopt.jobs.workers=1")));
        }
        for (ChildProcess api : apis) {
            api.awaitLog("Started BookingOptApplication", STARTUP);
        }
        for (ChildProcess w : workers) {
            w.awaitLog("job worker(s) started", STARTUP);
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> ids = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(USERS)) {
            List<Future<List<String[]>>> submitted = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                String user = "user-" + u;
                int port = ports.get(u % ports.size());
                submitted.add(callers.submit(() -> {
                    List<String[]> mine = new ArrayList<>();
                    for (int j = 0; j < PER_USER; j++) {
                        String body = Fixtures.withProblemId("sample1.json", user + "-" + j).toString();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/optimize"))
                                .header("Content-Type", "application/json").header("X-User-ID", user)
                                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                        mine.add(new String[] {Json.MAPPER.readTree(r.body()).get("job_id").asString(), user});
                    }
                    return mine;
                }));
            }
            for (Future<List<String[]>> f : submitted) {
                for (String[] job : f.get()) {
                    ids.add(job[0]);
                    owners.put(job[0], job[1]);
                }
            }
        }
        assertThat(ids).hasSize(USERS * PER_USER).doesNotHaveDuplicates();

        JdbcClient jdbc = JdbcClient.create(database);
        long deadline = System.nanoTime() + WAIT.toNanos();
        long completed;
        long started = System.nanoTime();
        while ((completed = jdbc.sql("SELECT count(*) FROM job_history WHERE status = 'completed'")
                .query(Long.class).single()) < ids.size()) {
            assertThat(System.nanoTime()).as("%d of %d jobs completed in the history", completed, ids.size())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        System.out.printf("%d jobs completed %d ms after the last submission%n", ids.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        List<Map<String, Object>> rows = jdbc.sql("SELECT job_id, owner, status, attempts, worker, input IS NULL"
                + " AS input_cleared, result IS NOT NULL AS has_result, solver_status FROM job_history").query()
                .listOfRows();
        assertThat(rows).hasSize(ids.size());
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("job_id");
            assertThat(owners).containsEntry(id, (String) row.get("owner"));
            assertThat(row.get("status")).as(id).isEqualTo("completed");
            assertThat(row.get("attempts")).as("%s ran once", id).isEqualTo(1);
            assertThat(row.get("input_cleared")).isEqualTo(true);
            assertThat(row.get("has_result")).isEqualTo(true);
            assertThat(row.get("solver_status")).isEqualTo("OPTIMAL");
        }
        Map<String, Integer> completions = new HashMap<>();
        for (ChildProcess w : workers) {
            Matcher m = COMPLETED.matcher(w.log());
            while (m.find()) {
                completions.merge(m.group(1), 1, Integer::sum);
            }
        }
        assertThat(completions).as("one completion per job, over all workers").hasSize(ids.size())
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(rows.stream().map(row -> row.get("worker")).distinct()).as("every worker took jobs")
                .hasSize(workers.size());
    }
}
