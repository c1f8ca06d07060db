#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs and starts what the tests need, then runs them:
# the Maven build with its tests, then the browser tests of the web app.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
source .ci/find-jdk.sh
echo "test.sh: JAVA_HOME=$JAVA_HOME"
source .ci/services.sh
./mvnw -B -ntp verify "$@"
# The web app in Debian's chromium, against the jar just built (service/src/test/browser/run.sh).
service/src/test/browser/run.sh
