# Sourced: sets JAVA_HOME to a JDK >= 21 — JAVA_HOME itself if it is one, else the Temurin JDK 25 that
# these machines carry beside the default JDK.
java_major() { "$1/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME")" -ge 21 ]]; then
  :
else
  default_java="$(readlink -f "$(command -v java 2>/dev/null || echo /usr/lib/jvm/x/bin/java)")"
  jvm_dir="$(dirname "$(dirname "$(dirname "$default_java")")")"
  candidate="$(ls -d "$jvm_dir"/temurin-25* /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1 || true)"
  if [[ -z "$candidate" ]]; then
    echo "No JDK >= 21 found: set JAVA_HOME to one (the build uses JDK 25, --release 21)." >&2
    exit 1
  fi
  export JAVA_HOME="$candidate"
fi
export JAVA_HOME
