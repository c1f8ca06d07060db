#!/usr/bin/env bash
# The browser tests of the web app (called by test.sh after ./mvnw verify): installs playwright-core and
# @axe-core/playwright from the lock file (npm ci; no browser download: they drive Debian's chromium),
# starts the built jar on a free port of 127.0.0.1, runs the tests with node's runner, and stops the
# service however the tests end; then runs auth-tests/ against the jar with authentication on (API keys in
# a schema of its own of the test PostgreSQL, dropped at the end). Its last lines are node's summary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
jar="$repo/service/target/bookingopt.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[[ -f "$jar" ]] || { echo "browser tests: $jar is missing (run ./mvnw verify first)" >&2; exit 1; }
[[ -x /usr/bin/chromium ]] || { echo "browser tests: /usr/bin/chromium is missing (Debian package chromium)" >&2; exit 1; }

cd "$here"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null

port="$(node -e "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });")"
log="$repo/service/target/browser-tests-service.log"
# The tests send dozens of files a minute from one browser: the submission rate limit (12 a minute, 3 at once)
# is raised for them; the active-job limit (3), which the page's own queue is tested against, stays.
"$java" -jar "$jar" serve --port "$port" --server.address=127.0.0.1 \
  --bookingopt.limits.submissions-per-minute=600 --bookingopt.limits.submissions-burst=30 >"$log" 2>&1 &
server=$!
stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap stop EXIT

url="http://127.0.0.1:$port"
await_health() {
  for _ in $(seq 1 360); do  # up to 3 min: the machine may be busy
    if node -e "fetch('$url/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then return; fi
    kill -0 "$server" 2>/dev/null || { echo "browser tests: the service did not start; its log:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.5
  done
}
await_health

echo "browser tests: service on $url (log: service/target/browser-tests-service.log), chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
status=0
BOOKINGOPT_URL="$url" BOOKINGOPT_JAR="$jar" JAVA="$java" node --test --test-concurrency=1 tests/ || status=$?
stop

# Then the same jar with authentication on, its API keys in a schema of its own of the test PostgreSQL
# (database test, as the Java tests), and a key made by `bookingopt keys create`.
schema="bookingopt_browser_$$_$RANDOM"
database=(--bookingopt.database=postgres "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
  --spring.datasource.username=postgres "--spring.flyway.schemas=$schema")
drop_schema() {
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap 'stop; drop_schema' EXIT
key="$("$java" -jar "$jar" keys create --user browser-tests "${database[@]}")"
log="$repo/service/target/browser-tests-service-auth.log"
"$java" -jar "$jar" serve --port "$port" --server.address=127.0.0.1 --bookingopt.auth.enabled=true "${database[@]}" \
  >"$log" 2>&1 &
server=$!
await_health
echo "browser tests: service with authentication on at $url (log: service/target/browser-tests-service-auth.log)"
BOOKINGOPT_URL="$url" BOOKINGOPT_API_KEY="$key" BOOKINGOPT_JAR="$jar" JAVA="$java" \
  node --test --test-concurrency=1 auth-tests/ || status=$?
exit "$status"
