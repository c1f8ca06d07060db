import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job service's benchmark (issue 6, "Targets"), run by bench/service.sh against a service it started on
 * 127.0.0.1 with the per-user limit off. A second process to the service: {@code java bench/ServiceBench.java
 * --port N --large FILE [--service-pid PID]} (with the pid, the service's CPU time per request is reported too).
 * Three measurements, each bounded in count and time; a watchdog ends the program after {@code --max-minutes}
 * whatever happens:
 *
 * <ol>
 *   <li><b>GET /api/v1/jobs/{id}</b> of a completed sample1 job at a fixed rate (default 1,000 requests/s,
 *       30 s after a 5 s warm-up) over keep-alive connections, each sending its share of the schedule. Latency
 *       is counted from when a request was due, not when it was sent, so a stall delays (and counts against)
 *       every request behind it, as wrk2 does; the time from sending alone is reported beside it. Then, as a
 *       control, {@code GET /health} at the same rate ({@code --control} seconds): the floor that the machine,
 *       the web framework and this driver set, whatever the job endpoint does.</li>
 *   <li><b>Submit to first running</b>: with the worker idle, POST sample1 and take the job's
 *       {@code started_at} minus the moment the POST's answer was read (same machine, same clock).</li>
 *   <li><b>Cancel to stopped</b>: submit the large problem, wait until it is running, let it solve a while
 *       (a different delay per sample, so cancels land in different phases), DELETE it and poll
 *       {@code /health/ready} until no job runs: the worker has left the solve.</li>
 * </ol>
 *
 * Prints Markdown on standard output, progress on standard error; exit 0 when every measurement completed
 * (whatever the numbers), 1 otherwise.
 */
public final class ServiceBench {
    private static final String HOST = "127.0.0.1"; // only ever this machine's loopback
    private static final double[] CANCEL_DELAYS_S = {0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 9, 12};

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Thread watchdog = new Thread(() -> {
            LockSupport.parkNanos(Duration.ofMinutes(o.maxMinutes).toNanos());
            System.err.println("ServiceBench: still running after " + o.maxMinutes + " min: giving up");
            System.exit(3);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        ServiceBench bench = new ServiceBench(o);
        boolean ok = bench.run();
        System.out.println();
        System.out.printf(Locale.ROOT, "The load driver used %.1f s of CPU.%n", ProcessHandle.current().info()
                .totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0);
        System.exit(ok ? 0 : 1);
    }

    private final Options o;
    private final Http control;

    private ServiceBench(Options o) throws IOException {
        this.o = o;
        this.control = new Http(o.port);
    }

    private boolean run() throws Exception {
        byte[] sample1 = control.request("GET", "/api/v1/demo-problems/sample1", null).expect(200).body;
        byte[] large = Files.readAllBytes(o.large);
        System.out.println("| measure | target | result |");
        System.out.println("|---|---|---|");
        boolean ok = getLatency(sample1);
        ok &= submitToRunning(sample1);
        ok &= cancelToStopped(large);
        return ok;
    }

    // ---- 1. GET /api/v1/jobs/{id} at a fixed rate ----

    private boolean getLatency(byte[] sample1) throws Exception {
        String id = submit(sample1);
        String job = awaitStatus(id, "completed", Duration.ofMinutes(2), 20);
        System.err.printf(Locale.ROOT, "GET load: job %s completed, its JSON is %d bytes%n", id, job.length());
        String path = "/api/v1/jobs/" + id;
        Load warmUp = Load.run(o, path, id, o.warmupSeconds);
        System.err.println("GET load: warm-up " + warmUp.summary());
        Load load = Load.run(o, path, id, o.seconds);
        System.err.println("GET load: measured " + load.summary());
        System.out.printf(Locale.ROOT, "| `GET /api/v1/jobs/{id}` (completed sample1 job, %d bytes), %d requests/s "
                        + "for %d s over %d connections, after a %d s warm-up | p99 < 5 ms | %s |%n",
                job.length(), o.rate, o.seconds, o.connections, o.warmupSeconds, load.summary());
        boolean ok = load.errors == 0;
        if (o.controlSeconds > 0) {
            // The cheapest endpoint at the same rate: what the machine, the framework and this driver cost alone.
            Load control = Load.run(o, "/health", "healthy", o.controlSeconds);
            System.err.println("GET load: control /health " + control.summary());
            System.out.printf(Locale.ROOT, "| Control: `GET /health` at the same rate for %d s, right after | "
                    + "| %s |%n", o.controlSeconds, control.summary());
            ok &= control.errors == 0;
        }
        return ok;
    }

    /** Requests at a fixed rate, each connection sending every {@code connections}-th one when it is due. */
    private static final class Load {
        long count;
        long errors;
        double seconds;
        long[] latency;   // from when due, ns
        long[] service;   // from when sent, ns

        long serviceCpuNanos = -1; // the service's CPU time during the load, when its pid is known

        static Load run(Options o, String path, String mustContain, int seconds) throws Exception {
            int port = o.port;
            int rate = o.rate;
            int connections = o.connections;
            long cpuBefore = cpuNanos(o.servicePid);
            long total = (long) rate * seconds;
            long periodNs = 1_000_000_000L / rate;
            long[] latency = new long[(int) total];
            long[] service = new long[(int) total];
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime() + 50_000_000L; // 50 ms to get every connection ready
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int first = c;
                Http http = new Http(port);
                threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                    for (long i = first; i < total; i += connections) {
                        long due = start + i * periodNs;
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long sent = System.nanoTime();
                        try {
                            Http.Response r = http.request("GET", path, null);
                            if (r.status != 200 || !r.text().contains(mustContain)) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            http.close();
                        }
                        long done = System.nanoTime();
                        latency[(int) i] = done - due;
                        service[(int) i] = done - sent;
                    }
                    http.close();
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            Load load = new Load();
            long cpuAfter = cpuNanos(o.servicePid);
            load.serviceCpuNanos = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
            load.count = total;
            load.errors = errors.get();
            load.seconds = (System.nanoTime() - start) / 1e9;
            load.latency = latency;
            load.service = service;
            Arrays.sort(load.latency);
            Arrays.sort(load.service);
            return load;
        }

        String summary() {
            String cpu = serviceCpuNanos < 0 ? "" : String.format(Locale.ROOT,
                    "; the service's CPU: %.0f µs per request (%.0f%% of one core)", serviceCpuNanos / 1e3 / count,
                    100 * serviceCpuNanos / 1e9 / seconds);
            return String.format(Locale.ROOT, "p50 %s, p90 %s, p99 %s, p99.9 %s, max %s ms; from sending: p50 %s, "
                            + "p99 %s, max %s ms; %d requests in %.1f s (%.0f/s), %d errors%s",
                    ms(pct(latency, 0.50)), ms(pct(latency, 0.90)), ms(pct(latency, 0.99)), ms(pct(latency, 0.999)),
                    ms(latency[latency.length - 1]), ms(pct(service, 0.50)), ms(pct(service, 0.99)),
                    ms(service[service.length - 1]), count, seconds, count / seconds, errors, cpu);
        }

        /** User + system CPU time of a process from /proc (Linux, 100 ticks a second); -1 if unknown. */
        static long cpuNanos(long pid) {
            if (pid <= 0) {
                return -1;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime, stime
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    // ---- 2. Submit to first running ----

    private boolean submitToRunning(byte[] sample1) throws Exception {
        int n = o.submitSamples;
        double[] fromAnswer = new double[n];
        double[] fromSend = new double[n];
        for (int i = 0; i < n; i++) {
            awaitIdle();
            Instant sent = Instant.now();
            Http.Response r = control.request("POST", "/api/v1/optimize", sample1).expect(200);
            Instant answered = Instant.now();
            String id = field(r.text(), "job_id");
            String job = awaitFinished(id, Duration.ofMinutes(2), 10);
            Instant started = Instant.parse(field(job, "started_at"));
            fromAnswer[i] = millisBetween(answered, started);
            fromSend[i] = millisBetween(sent, started);
        }
        Arrays.sort(fromAnswer);
        Arrays.sort(fromSend);
        String result = String.format(Locale.ROOT, "median %.2f ms, p90 %.2f ms (min %.2f, max %.2f); from sending "
                        + "the POST: median %.2f, p90 %.2f ms", median(fromAnswer), pct(fromAnswer, 0.9), fromAnswer[0],
                fromAnswer[n - 1], median(fromSend), pct(fromSend, 0.9));
        System.err.println("submit to running: " + result);
        System.out.printf(Locale.ROOT, "| Submit to first running: `started_at` − the POST's answer, worker idle, "
                + "sample1, %d samples | < 20 ms | %s |%n", n, result);
        return true;
    }

    // ---- 3. Cancel to stopped ----

    private boolean cancelToStopped(byte[] large) throws Exception {
        int n = o.cancelSamples;
        double[] stopped = new double[n];
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double delay = CANCEL_DELAYS_S[i % CANCEL_DELAYS_S.length];
            awaitIdle();
            String id = submit(large);
            awaitStatus(id, "running", Duration.ofMinutes(2), 5);
            LockSupport.parkNanos((long) (delay * 1e9));
            String before = control.request("GET", "/api/v1/jobs/" + id, null).expect(200).text();
            long cancelled = System.nanoTime();
            Http.Response r = control.request("DELETE", "/api/v1/jobs/" + id, null);
            if (r.status != 200) {
                System.err.println("cancel: DELETE answered " + r.status + ": " + r.text());
                return false;
            }
            double answeredMs = (System.nanoTime() - cancelled) / 1e6;
            long deadline = cancelled + Duration.ofSeconds(60).toNanos();
            while (!idle()) {
                if (System.nanoTime() > deadline) {
                    System.err.println("cancel: job " + id + " still running 60 s after its DELETE");
                    return false;
                }
                LockSupport.parkNanos(2_000_000L);
            }
            stopped[i] = (System.nanoTime() - cancelled) / 1e6;
            String status = field(control.request("GET", "/api/v1/jobs/" + id, null).expect(200).text(), "status");
            if (!"cancelled".equals(status)) {
                System.err.println("cancel: job " + id + " ended " + status);
                return false;
            }
            String row = String.format(Locale.ROOT, "%.2f s after running, phase %s at %s%%: DELETE answered in "
                    + "%.1f ms, worker idle after %.1f ms", delay, field(before, "phase"), field(before, "progress"),
                    answeredMs, stopped[i]);
            System.err.println("cancel " + (i + 1) + "/" + n + ": " + row);
            rows.add(row);
        }
        double[] sorted = stopped.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| Cancel to stopped: DELETE of a running 150×90 typed solve until no job "
                        + "runs, %d samples | < 2 s | median %.0f ms, max %.0f ms (min %.0f) |%n", n, median(sorted),
                sorted[n - 1], sorted[0]);
        System.out.println();
        System.out.println("Cancel samples (delay after `running`, the job's phase when cancelled, stop time):");
        System.out.println();
        rows.forEach(row -> System.out.println("- " + row));
        return true;
    }

    // ---- helpers ----

    private String submit(byte[] problem) throws IOException {
        return field(control.request("POST", "/api/v1/optimize", problem).expect(200).text(), "job_id");
    }

    private String awaitStatus(String id, String wanted, Duration within, long pollMs) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String job = control.request("GET", "/api/v1/jobs/" + id, null).expect(200).text();
            String status = field(job, "status");
            if (wanted.equals(status)) {
                return job;
            }
            if (!"queued".equals(status) && !"running".equals(status)) {
                throw new IllegalStateException("job " + id + " is " + status + ", waiting for " + wanted);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + id + " not " + wanted + " within " + within);
            }
            LockSupport.parkNanos(pollMs * 1_000_000L);
        }
    }

    private String awaitFinished(String id, Duration within, long pollMs) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String job = control.request("GET", "/api/v1/jobs/" + id, null).expect(200).text();
            String status = field(job, "status");
            if (!"queued".equals(status) && !"running".equals(status)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + id + " not finished within " + within);
            }
            LockSupport.parkNanos(pollMs * 1_000_000L);
        }
    }

    private boolean idle() throws IOException {
        String ready = control.request("GET", "/health/ready", null).expect(200).text();
        return "0".equals(field(ready, "running")) && "0".equals(field(ready, "queued"));
    }

    private void awaitIdle() throws IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!idle()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the worker is still busy after 2 minutes");
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    /** The first value of {@code "name":} in flat JSON as the service writes it (no spaces): text, number or null. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name)
                + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE]+|null|true|false)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(300, json.length())));
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    private static double millisBetween(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e6;
    }

    static long pct(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static double pct(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /** A minimal HTTP/1.1 client over one keep-alive connection to 127.0.0.1 (reconnects when closed). */
    static final class Http {
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Http(int port) {
            this.port = port;
        }

        record Response(int status, byte[] body) {
            String text() {
                return new String(body, StandardCharsets.UTF_8);
            }

            Response expect(int wanted) {
                if (status != wanted) {
                    throw new IllegalStateException("HTTP " + status + " instead of " + wanted + ": " + text());
                }
                return this;
            }
        }

        Response request(String method, String path, byte[] body) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new InetSocketAddress(HOST, port), 5_000);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(HOST).append(':').append(port).append("\r\n")
                    .append("X-User-ID: service-bench\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    content.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                content.write(in.readNBytes((int) length));
            }
            if (close) {
                close();
            }
            return new Response(status, content.toByteArray());
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }

    record Options(int port, long servicePid, Path large, int rate, int seconds, int warmupSeconds, int controlSeconds,
                   int connections, int submitSamples, int cancelSamples, int maxMinutes) {
        static Options parse(String[] args) {
            int port = 0;
            long servicePid = 0;
            Path large = null;
            int rate = 1000;
            int seconds = 30;
            int warmup = 5;
            int control = 10;
            int connections = 10;
            int submits = 50;
            int cancels = 10;
            int maxMinutes = 15;
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : usage("missing value of " + args[i]);
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--service-pid" -> servicePid = Long.parseLong(value);
                    case "--large" -> large = Path.of(value);
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--control" -> control = Integer.parseInt(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--submit-samples" -> submits = Integer.parseInt(value);
                    case "--cancel-samples" -> cancels = Integer.parseInt(value);
                    case "--max-minutes" -> maxMinutes = Integer.parseInt(value);
                    default -> usage("unknown option " + args[i]);
                }
            }
            if (port <= 0 || large == null) {
                usage("--port and --large are required");
            }
            if (rate < 1 || rate > 10_000 || seconds < 1 || seconds > 600 || warmup < 0 || warmup > 60
                    || control < 0 || control > 600 || connections < 1 || connections > 100 || submits < 1
                    || submits > 1000 || cancels < 1 || cancels > 100 || maxMinutes < 1 || maxMinutes > 60) {
                usage("a value out of range: rate 1-10000/s, seconds 1-600, warmup 0-60, control 0-600, "
                        + "connections 1-100, "
                        + "submit-samples 1-1000, cancel-samples 1-100, max-minutes 1-60");
            }
            return new Options(port, servicePid, large, rate, seconds, warmup, control, connections, submits, cancels,
                    maxMinutes);
        }

        private static String usage(String problem) {
            System.err.println("ServiceBench: " + problem);
            System.err.println("usage: java bench/ServiceBench.java --port N --large FILE [--service-pid PID] "
                    + "[--rate 1000] [--seconds 30] [--warmup 5] [--control 10] [--connections 10] "
                    + "[--submit-samples 50] [--cancel-samples 10] [--max-minutes 15]");
            System.exit(2);
            return null;
        }
    }
}
