# syntax=docker/dockerfile:1
# One image for every role of BookingOpt (api, worker, all); docs/deploy.md. Not built in CI: the test
# machines have no Docker engine, CI runs the same jar, nginx.conf, Redis and PostgreSQL natively.
#
#   docker build --build-context shared=../shared -t bookingopt .
#
# The build reads the sample problems (shipped in the jar) from ../shared, beside the repository, as CI
# does: pass that folder as the build context "shared" (deploy/docker-compose.yml does).

# ---- build: the Maven wrapper on JDK 25, compiled for Java 21 (--release 21, from pom.xml) ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build/bookingopt
COPY --from=shared fixtures/inputs/ /build/shared/fixtures/inputs/
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY core/ core/
COPY service/ service/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests package

# ---- run: JRE 21, as an unprivileged user ----
FROM eclipse-temurin:21-jre
RUN groupadd --system bookingopt \
    && useradd --system --gid bookingopt --home-dir /app --no-create-home --shell /usr/sbin/nologin bookingopt
WORKDIR /app
COPY --from=build /build/bookingopt/service/target/bookingopt.jar /app/bookingopt.jar
USER bookingopt:bookingopt
# 8080: HTTP of the api and all roles (and their /metrics); 9091: a worker's /metrics, when
# BOOKINGOPT_METRICS_WORKER_PORT=9091.
EXPOSE 8080 9091
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/bookingopt.jar"]
CMD ["serve"]
