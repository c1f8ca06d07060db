package org.bookingopt.service.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.WebTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The job meters as Prometheus scrapes them, at {@code GET /metrics} of the shared test service. */
class JobMetricsTest extends WebTestBase {
    @Autowired
    JobService jobService;

    /** A scrape of {@code /metrics}, in the Prometheus text format. */
    private record Scrape(String text) {
        /** The sample's value, e.g. {@code bookingopt_queue_depth{priority="normal"}}; 0 if it is not there. */
        double value(String series) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }

        boolean has(String series) {
            return Pattern.compile("(?m)^" + Pattern.quote(series) + " ").matcher(text).find();
        }

        double solverStatuses() {
            double sum = 0;
            Matcher m = Pattern.compile("(?m)^bookingopt_solver_status_total\\{status=\"\\w+\"} (\\S+)$").matcher(text);
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return sum;
        }
    }

    private Scrape scrape() {
        Response r = get("/metrics");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        return new Scrape(r.body());
    }

    private static String duration(String outcome) {
        return "bookingopt_jobs_duration_seconds_count{outcome=\"" + outcome + "\"}";
    }

    private static String queueWait(String outcome) {
        return "bookingopt_jobs_queue_wait_seconds_count{outcome=\"" + outcome + "\"}";
    }

    @Test
    void jobsThatRanShowInTheMetricsByOutcomeAndSolverStatus() {
        Scrape before = scrape();

        String completed = submitOk(Fixtures.withProblemId("sample1.json", "metrics-completed"), "metrics");
        JsonNode done = awaitFinished(completed);
        String failed = submitOk(Fixtures.withProblemId("sample1.json", "crash-metrics"), "metrics");
        awaitFinished(failed);
        String running = submitOk(Fixtures.withProblemId("sample1.json", "hold-metrics"), "metrics");
        await("the held job to run", () -> solver.isHolding("hold-metrics"));
        String queued = submitOk(Fixtures.withProblemId("sample1.json", "metrics-queued"), "metrics");

        Scrape busy = scrape();
        assertThat(busy.value("bookingopt_jobs_running")).isEqualTo(1);
        assertThat(busy.value("bookingopt_queue_depth{priority=\"normal\"}")).isEqualTo(1);
        assertThat(busy.has("bookingopt_queue_depth{priority=\"high\"}")).isTrue();
        assertThat(busy.has("bookingopt_queue_depth{priority=\"low\"}")).isTrue();

        assertThat(delete("/api/v1/jobs/" + queued, "metrics").status()).isEqualTo(200);
        assertThat(delete("/api/v1/jobs/" + running, "metrics").status()).isEqualTo(200);
        await("the worker to be idle", () -> jobService.runningCount() == 0);
        Scrape after = scrape();

        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(after.value(duration("completed")) - before.value(duration("completed"))).isEqualTo(1);
        assertThat(after.value(duration("failed")) - before.value(duration("failed"))).isEqualTo(1);
        assertThat(after.value(duration("cancelled")) - before.value(duration("cancelled")))
                .as("only the run that was cancelled has a run time").isEqualTo(1);
        assertThat(after.value(queueWait("completed")) - before.value(queueWait("completed"))).isEqualTo(1);
        assertThat(after.value(queueWait("failed")) - before.value(queueWait("failed"))).isEqualTo(1);
        assertThat(after.value(queueWait("cancelled")) - before.value(queueWait("cancelled")))
                .as("cancelled while running, and while queued").isEqualTo(2);
        assertThat(after.has("bookingopt_jobs_duration_seconds_bucket{outcome=\"completed\",le=\"600.0\"}"))
                .as("a histogram with buckets up to 10 minutes").isTrue();

        String status = done.get("result").get("result").get("SolverStatus").asString();
        String series = "bookingopt_solver_status_total{status=\"" + status + "\"}";
        assertThat(after.value(series) - before.value(series)).isGreaterThanOrEqualTo(1);
        assertThat(after.solverStatuses() - before.solverStatuses())
                .as("the completed solve and the cancelled one; the crash reported none").isEqualTo(2);

        assertThat(after.value("bookingopt_jobs_running")).isZero();
        assertThat(after.value("bookingopt_queue_depth{priority=\"normal\"}")).isZero();
        assertThat(after.has("bookingopt_queue_reclaimed_total")).isTrue();
        assertThat(after.has("bookingopt_queue_dead_lettered_total")).isTrue();
    }

    @Test
    void onlyTheMetricsEndpointOfTheActuatorIsServed() {
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/health", "/env",
                "/beans", "/configprops", "/heapdump", "/prometheus"}) {
            assertThat(get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(get("/health").json().get("status").asString()).as("the service's own").isEqualTo("healthy");
        Response page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).as("the web app, not an endpoint index").startsWith("text/html");
    }
}
