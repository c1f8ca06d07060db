import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Redis queue's benchmark (issue 7, "Targets"), run by bench/queue.sh: {@code java bench/QueueBench.java
 * --java JAVA --jar JAR --out DIR --sample FILE --large FILE [options]}. It starts the processes itself (api
 * processes and worker processes of the packaged jar, the redis backend on 127.0.0.1:6379 under a key prefix of
 * its own, cache, limits and authentication off), so that the kill mode can SIGKILL and restart workers:
 *
 * <ol>
 *   <li><b>throughput</b>: a warm-up of sample1 jobs, then N sample1 jobs with distinct ProblemIds submitted as
 *       fast as C connections can, round-robin over the api processes. Jobs/s = N / (first submit to the last
 *       {@code completed_at}). Completion is read without per-job polling during the run: the driver asks
 *       {@code /health/ready} every 200 ms until nothing is queued, then reads each job once (retrying the few
 *       still running), so the driver's reads do not compete with the workers for the CPU.</li>
 *   <li><b>kill</b>: R runs of: submit the large problem (high priority) and 4 sample1 jobs, wait until the large
 *       one is solving, SIGKILL the worker process named in its {@code worker} field, then take the reclaim
 *       latency as the second attempt's {@code started_at} minus the kill (and, beside it, when the driver saw
 *       attempt 2, polling every 20 ms); restart the killed worker under a new name; every job must end
 *       {@code completed} (else it counts as lost).</li>
 * </ol>
 *
 * Prints Markdown on standard output, progress on standard error; exit 0 when every measurement completed
 * (whatever the numbers), 1 otherwise. A watchdog ends it after {@code --max-minutes}.
 */
public final class QueueBench {
    private static final String HOST = "127.0.0.1";
    private static final Pattern PROBLEM_ID = Pattern.compile("\"ProblemId\"\\s*:\\s*\"[^\"]*\"");

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Thread watchdog = new Thread(() -> {
            LockSupport.parkNanos(Duration.ofMinutes(o.maxMinutes).toNanos());
            System.err.println("QueueBench: still running after " + o.maxMinutes + " min: giving up");
            System.exit(3);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        QueueBench bench = new QueueBench(o);
        boolean ok;
        try {
            ok = bench.run();
        } finally {
            bench.stopAll();
        }
        System.exit(ok ? 0 : 1);
    }

    private final Options o;
    private final String prefix;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Integer> apiPorts = new ArrayList<>();
    private final List<Process> apis = new ArrayList<>();
    private final Map<String, Process> workers = new LinkedHashMap<>();
    private final List<Process> all = new ArrayList<>();

    private QueueBench(Options o) {
        this.o = o;
        this.prefix = o.keyPrefix;
    }

    private List<String> common() {
        return List.of("--bookingopt.backend=redis", "--spring.data.redis.host=" + HOST,
                "--bookingopt.redis.key-prefix=" + prefix, "--bookingopt.cache.enabled=false",
                "--bookingopt.limits.enabled=false", "--bookingopt.auth.enabled=false",
                "--bookingopt.jobs.queue-capacity=100000",
                "--bookingopt.jobs.lease=" + o.lease.toMillis() + "ms",
                "--bookingopt.jobs.heartbeat=" + o.heartbeat.toMillis() + "ms");
    }

    private Process start(String name, List<String> role) throws IOException {
        List<String> command = new ArrayList<>(List.of(o.java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(o.javaOptions);
        command.addAll(List.of("-jar", o.jar.toString(), "serve"));
        command.addAll(role);
        command.addAll(common());
        Path log = o.out.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        all.add(p);
        return p;
    }

    private Process startWorker(String name) throws IOException {
        Process p = start(name, List.of("--role", "worker", "--bookingopt.jobs.worker-name=" + name));
        workers.put(name, p);
        return p;
    }

    /** Waits for a line of the process's log to match; returns the first group (or the line). */
    private String awaitLog(String name, Process p, Pattern pattern) throws Exception {
        Path log = o.out.resolve(name + ".log");
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos(); // JVMs starting on a busy machine
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return m.groupCount() > 0 ? m.group(1) : m.group();
                }
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " ended at start-up, see " + log);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not start within 4 minutes, see " + log);
    }

    private static final Pattern WORKER_READY = Pattern.compile("job worker\\(s\\) started");

    private boolean run() throws Exception {
        for (int i = 1; i <= o.apis; i++) {
            apis.add(start("api" + i, List.of("--role", "api", "--port", "0")));
        }
        for (int i = 1; i <= o.workers; i++) {
            startWorker("w" + i);
        }
        for (int i = 0; i < apis.size(); i++) {
            apiPorts.add(Integer.parseInt(awaitLog("api" + (i + 1), apis.get(i),
                    Pattern.compile("Tomcat started on port (\\d+)"))));
        }
        for (Map.Entry<String, Process> w : workers.entrySet()) {
            awaitLog(w.getKey(), w.getValue(), WORKER_READY);
        }
        System.out.printf(Locale.ROOT, "Processes: %d api, %d worker (%s), Redis 127.0.0.1:6379 under the key prefix"
                + " `%s`; lease %d ms, heartbeat %d ms%n%n", o.apis, o.workers, Files.readString(
                o.out.resolve("w1.log")).lines().filter(l -> l.contains("job worker(s) started"))
                .map(l -> l.replaceAll(".*?(\\d+ job worker\\(s\\) started, \\d+ solver thread\\(s\\) each).*", "$1"))
                .findFirst().orElse("?"), prefix, o.lease.toMillis(), o.heartbeat.toMillis());
        boolean ok = true;
        String sample = Files.readString(o.sample);
        if (o.mode.equals("throughput") || o.mode.equals("both")) {
            ok &= throughput(sample);
        }
        if (o.mode.equals("kill") || o.mode.equals("both")) {
            ok &= kill(sample, Files.readString(o.large));
        }
        return ok;
    }

    // ---------------------------------------------------------------- throughput

    private boolean throughput(String sample) throws Exception {
        System.err.println("warm-up: " + o.warmup + " jobs");
        Batch warm = submitAll(sample, "warm", o.warmup);
        Map<String, Job> warmDone = awaitAll(warm.ids);
        long warmFailed = warmDone.values().stream().filter(j -> !j.status.equals("completed")).count();

        long[] cpuBefore = cpu();
        long busyBefore = busyTicks();
        long driverBefore = ownCpuMillis();
        System.err.println("measured: " + o.jobs + " jobs over " + o.connections + " connections");
        Batch batch = submitAll(sample, "run", o.jobs);
        Map<String, Job> done = awaitAll(batch.ids);
        long wallNanos = System.nanoTime() - batch.startNanos;
        long[] cpuAfter = cpu();
        long busy = busyTicks() - busyBefore;
        long driverMillis = ownCpuMillis() - driverBefore;

        Instant last = done.values().stream().map(j -> j.completedAt).filter(t -> t != null)
                .max(Instant::compareTo).orElse(batch.start);
        double seconds = Duration.between(batch.start, last).toNanos() / 1e9;
        double submitSeconds = (batch.endNanos - batch.startNanos) / 1e9;
        long completed = done.values().stream().filter(j -> j.status.equals("completed")).count();
        long rerun = done.values().stream().filter(j -> j.attempt > 1).count();
        Map<String, Integer> perWorker = new TreeMap<>();
        done.values().forEach(j -> perWorker.merge(String.valueOf(j.worker), 1, Integer::sum));
        double[] latency = done.values().stream().filter(j -> j.completedAt != null)
                .mapToDouble(j -> Duration.between(j.createdAt, j.completedAt).toNanos() / 1e6).sorted().toArray();
        double[] solve = done.values().stream().filter(j -> j.completedAt != null && j.startedAt != null)
                .mapToDouble(j -> Duration.between(j.startedAt, j.completedAt).toNanos() / 1e6).sorted().toArray();

        System.out.println("### Throughput of trivial jobs");
        System.out.println();
        System.out.println("| measure | target | result |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| %d sample1 jobs (distinct ProblemIds), first submit to last completion"
                + " | ≥ 200 jobs/s | **%.1f jobs/s** (%.2f s) |%n", o.jobs, o.jobs / seconds, seconds);
        System.out.printf(Locale.ROOT, "| submission alone (%d connections, %d api) | | %.1f jobs/s (%.2f s) |%n",
                o.connections, o.apis, o.jobs / submitSeconds, submitSeconds);
        System.out.printf(Locale.ROOT, "| completed / lost / run more than once | all / 0 | %d / %d / %d |%n",
                completed, o.jobs - completed, rerun);
        System.out.printf(Locale.ROOT, "| per job: created → completed, median (p90) | | %.0f ms (%.0f ms) |%n",
                percentile(latency, 50), percentile(latency, 90));
        System.out.printf(Locale.ROOT, "| per job: started → completed on its worker, median (p90) | | %.1f ms"
                + " (%.1f ms) |%n", percentile(solve, 50), percentile(solve, 90));
        System.out.println("| jobs per worker | | " + perWorker + " |");
        System.out.println();
        double hz = 100.0;
        double total = (cpuSum(cpuAfter, 0, apis.size()) - cpuSum(cpuBefore, 0, apis.size()));
        double workerCpu = (cpuSum(cpuAfter, apis.size(), cpuAfter.length)
                - cpuSum(cpuBefore, apis.size(), cpuBefore.length));
        double wall = wallNanos / 1e9;
        double cores = Runtime.getRuntime().availableProcessors();
        double machine = busy / hz;
        System.out.printf(Locale.ROOT, "CPU over the measured %.1f s (%d cores = %.1f core-seconds): machine busy"
                + " %.0f%%; api process(es) %.1f s (%.2f ms/job), worker processes %.1f s (%.2f ms/job), this"
                + " driver %.1f s (%.2f ms/job), everything else %.1f s%n", wall, (int) cores, wall * cores,
                100 * machine / (wall * cores), total / 1000, total / o.jobs, workerCpu / 1000, workerCpu / o.jobs,
                driverMillis / 1000.0, (double) driverMillis / o.jobs,
                Math.max(0, machine - (total + workerCpu + driverMillis) / 1000));
        System.out.println();
        if (warmFailed > 0) {
            System.out.println("Warm-up: " + warmFailed + " job(s) did not complete");
        }
        return completed == o.jobs && warmFailed == 0;
    }

    private record Batch(List<String> ids, Instant start, long startNanos, long endNanos) {
    }

    private Batch submitAll(String sample, String tag, int n) throws Exception {
        String[] ids = new String[n];
        AtomicInteger next = new AtomicInteger();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        for (int c = 0; c < o.connections; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String body = PROBLEM_ID.matcher(sample).replaceFirst(
                            "\"ProblemId\": \"" + prefix + tag + "-" + i + "\"");
                    try {
                        Response r = request("POST", apiPorts.get(i % apiPorts.size()), "/api/v1/optimize", body);
                        if (r.status != 202 && r.status != 200) {
                            errors.add("POST answered " + r.status + ": " + r.body);
                        } else {
                            ids[i] = field(r.body, "job_id");
                        }
                    } catch (Exception e) {
                        errors.add("POST failed: " + e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long endNanos = System.nanoTime();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.size() + " submissions failed, first: " + errors.getFirst());
        }
        return new Batch(Arrays.asList(ids), start, startNanos, endNanos);
    }

    /** Waits until nothing is queued (cheap reads), then reads every job until it is finished. */
    private Map<String, Job> awaitAll(List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Response ready = request("GET", apiPorts.getFirst(), "/health/ready", null);
            if (ready.status == 200 && ready.body.contains("\"queued\":0")) {
                break;
            }
            Thread.sleep(200);
        }
        Map<String, Job> done = new HashMap<>();
        for (String id : ids) {
            Job job = readJob(id);
            while (!job.finished()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("job " + id + " still " + job.status + " after 5 minutes");
                }
                Thread.sleep(20);
                job = readJob(id);
            }
            done.put(id, job);
        }
        return done;
    }

    // ---------------------------------------------------------------- kill

    private boolean kill(String sample, String large) throws Exception {
        String longJob = large.replaceFirst("^\\s*\\{", "{\"TimeLimitSeconds\": " + o.solveSeconds + ", ");
        List<Double> fromStartedAt = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        int lost = 0;
        int reruns = 0;
        int runs = 0;
        StringBuilder rows = new StringBuilder();
        for (int run = 1; run <= o.killRuns; run++) {
            System.err.println("kill run " + run + " of " + o.killRuns);
            String body = PROBLEM_ID.matcher(longJob).replaceFirst("\"ProblemId\": \"" + prefix + "large-" + run + "\"");
            String largeId = field(request("POST", apiPorts.getFirst(), "/api/v1/optimize?priority=high", body)
                    .accepted().body, "job_id");
            List<String> ids = new ArrayList<>(List.of(largeId));
            for (int i = 0; i < 4; i++) {
                String small = PROBLEM_ID.matcher(sample).replaceFirst(
                        "\"ProblemId\": \"" + prefix + "kill-" + run + "-" + i + "\"");
                ids.add(field(request("POST", apiPorts.get(i % apiPorts.size()), "/api/v1/optimize", small)
                        .accepted().body, "job_id"));
            }
            Job job = readJob(largeId);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!(job.status.equals("running") && job.progress > 0)) {
                if (System.nanoTime() > deadline || job.finished()) {
                    throw new IllegalStateException("the large job did not start solving: " + job.status);
                }
                Thread.sleep(50);
                job = readJob(largeId);
            }
            Thread.sleep(500L * run % 2000); // kills land in different phases of the solve
            String victim = job.worker;
            Process process = workers.remove(victim);
            if (process == null) {
                throw new IllegalStateException("the large job runs on an unknown worker " + victim);
            }
            Instant killedAt = Instant.now();
            long killedNanos = System.nanoTime();
            process.destroyForcibly(); // SIGKILL on Linux
            while (!(job.attempt >= 2 && job.startedAt != null)) {
                if (System.nanoTime() - killedNanos > o.lease.toNanos() + Duration.ofMinutes(1).toNanos()) {
                    throw new IllegalStateException("the large job was not taken over within lease + 60 s");
                }
                Thread.sleep(20);
                job = readJob(largeId);
            }
            double seenMs = (System.nanoTime() - killedNanos) / 1e6;
            double startedMs = Duration.between(killedAt, job.startedAt).toNanos() / 1e6;
            String taker = job.worker;
            process.waitFor();
            String replacement = victim.replaceFirst("\\.\\d+$", "") + "." + (run + 1);
            Process restarted = startWorker(replacement);

            Map<String, Job> done = awaitAll(ids);
            int runLost = (int) done.values().stream().filter(j -> !j.status.equals("completed")).count();
            int runReruns = done.values().stream().mapToInt(j -> Math.max(0, j.attempt - 1)).sum();
            lost += runLost;
            reruns += runReruns;
            runs++;
            fromStartedAt.add(startedMs);
            seen.add(seenMs);
            rows.append(String.format(Locale.ROOT, "| %d | %s → %s | %.0f | %.0f | %d | %d |%n", run, victim, taker,
                    startedMs, seenMs, runLost, runReruns));
            awaitLog(replacement, restarted, WORKER_READY); // the next run starts with every worker up
        }
        double[] s = fromStartedAt.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] v = seen.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double target = o.lease.toMillis() + 2000;
        System.out.println("### Lease reclaim after SIGKILL");
        System.out.println();
        System.out.println("| measure | target | result |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| SIGKILL to attempt 2's `started_at`, median (min–max) of %d | ≤ lease + 2 s"
                + " = %.0f ms | **%.0f ms** (%.0f–%.0f) |%n", runs, target, percentile(s, 50), s[0], s[s.length - 1]);
        System.out.printf(Locale.ROOT, "| SIGKILL to the driver seeing attempt 2 (20 ms polls), median (max) | |"
                + " %.0f ms (%.0f) |%n", percentile(v, 50), v[v.length - 1]);
        System.out.printf(Locale.ROOT, "| lost jobs in %d kill runs (5 jobs each) | 0 | **%d** |%n", runs, lost);
        System.out.printf(Locale.ROOT, "| runs beyond the first attempt (the killed run repeated) | %d | %d |%n",
                runs, reruns);
        System.out.println();
        System.out.println("| run | killed → taken over by | kill → `started_at` ms | kill → seen ms | lost |"
                + " reruns |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.print(rows);
        System.out.println();
        return lost == 0 && s[s.length - 1] <= target;
    }

    // ---------------------------------------------------------------- HTTP, JSON fields, CPU

    private record Response(int status, String body) {
        /** A submission answers 200 (queued) or 202; either is accepted. */
        Response accepted() {
            return status == 202 ? this : expect(200);
        }

        Response expect(int wanted) {
            if (status != wanted) {
                throw new IllegalStateException("expected " + wanted + ", got " + status + ": " + body);
            }
            return this;
        }
    }

    private Response request(String method, int port, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + path))
                .timeout(Duration.ofSeconds(30)).header("X-User-ID", "queue-bench");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    private record Job(String status, int progress, int attempt, String worker, Instant createdAt, Instant startedAt,
            Instant completedAt) {
        boolean finished() {
            return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
        }
    }

    private Job readJob(String id) throws Exception {
        String body = request("GET", apiPorts.getFirst(), "/api/v1/jobs/" + id, null).expect(200).body;
        // The job's own fields come before its result in the JSON? Not guaranteed: strip the result first.
        String job = body.replaceFirst("\"result\"\\s*:\\s*\\{.*\\}\\s*,\\s*\"error\"", "\"error\"");
        String progress = field(job, "progress");
        String attempt = field(job, "attempt");
        return new Job(field(job, "status"), progress == null ? 0 : Integer.parseInt(progress),
                attempt == null ? 0 : Integer.parseInt(attempt), field(job, "worker"), instant(field(job,
                "created_at")), instant(field(job, "started_at")), instant(field(job, "completed_at")));
    }

    /** A top-level string or number field of a flat JSON object; null when absent or null. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9.]+))").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** CPU milliseconds of the api processes, then the live worker processes. */
    private long[] cpu() {
        List<Process> ps = new ArrayList<>(apis);
        ps.addAll(workers.values());
        return ps.stream().mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toMillis()).toArray();
    }

    private static long cpuSum(long[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    private static long ownCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis();
    }

    /** The machine's busy CPU ticks (user nice system irq softirq steal) from /proc/stat; 0 elsewhere. */
    private static long busyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void stopAll() {
        for (Process p : all) {
            p.destroy(); // SIGTERM: graceful
        }
        for (Process p : all) {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }

    // ---------------------------------------------------------------- options

    private record Options(String mode, String java, List<String> javaOptions, Path jar, Path out, Path sample,
            Path large, int jobs, int warmup, int connections, int apis, int workers, int killRuns, Duration lease,
            Duration heartbeat, int solveSeconds, int maxMinutes, String keyPrefix) {
        static Options parse(String[] args) {
            Map<String, String> m = new HashMap<>(Map.of("--mode", "both", "--jobs", "1000", "--warmup", "200",
                    "--connections", "8", "--apis", "1", "--workers", "3", "--kill-runs", "10", "--lease-ms", "5000",
                    "--heartbeat-ms", "1000", "--solve-seconds", "10"));
            m.put("--max-minutes", "30");
            m.put("--java-options", "");
            m.put("--key-prefix", "qbench-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + ":");
            for (int i = 0; i < args.length; i += 2) {
                if (!m.containsKey(args[i]) && !List.of("--java", "--jar", "--out", "--sample", "--large")
                        .contains(args[i]) || i + 1 >= args.length) {
                    System.err.println("QueueBench: unknown or incomplete argument " + args[i]);
                    System.exit(2);
                }
                m.put(args[i], args[i + 1]);
            }
            String mode = m.get("--mode");
            if (!List.of("throughput", "kill", "both").contains(mode)) {
                System.err.println("QueueBench: --mode is throughput, kill or both");
                System.exit(2);
            }
            return new Options(mode, m.get("--java"), m.get("--java-options").isBlank() ? List.of()
                    : List.of(m.get("--java-options").trim().split("\\s+")), Path.of(m.get("--jar")),
                    Path.of(m.get("--out")), Path.of(m.get("--sample")), Path.of(m.get("--large")),
                    Integer.parseInt(m.get("--jobs")), Integer.parseInt(m.get("--warmup")),
                    Integer.parseInt(m.get("--connections")), Integer.parseInt(m.get("--apis")),
                    Integer.parseInt(m.get("--workers")), Integer.parseInt(m.get("--kill-runs")),
                    Duration.ofMillis(Long.parseLong(m.get("--lease-ms"))),
                    Duration.ofMillis(Long.parseLong(m.get("--heartbeat-ms"))),
                    Integer.parseInt(m.get("--solve-seconds")), Integer.parseInt(m.get("--max-minutes")),
                    m.get("--key-prefix"));
        }
    }
}
