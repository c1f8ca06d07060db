package org.bookingopt.service.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bookingopt.cli.Version;
import org.bookingopt.core.json.Json;
import org.bookingopt.service.problems.DemoProblems;
import org.bookingopt.service.problems.GenerateRequest;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document at {@code /openapi.json} (Swagger UI at {@code /docs}): springdoc generates it from
 * the controllers; this adds what annotations would clutter them with: the problem schema with the sample
 * problems as examples, and the problem+json error responses.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String BEARER = "bearer";
    private static final String API_KEY = "apiKey";

    @Bean
    OpenApiCustomizer bookingOptOpenApi(DemoProblems demos) {
        return openApi -> {
            openApi.info(new Info().title("BookingOpt").version(Version.current())
                    .description("Hotel room planning: submit a problem, follow its job, read the result. "
                            + "Errors are RFC 9457 problem details. Caller identity: an API key, sent as "
                            + "'Authorization: Bearer <key>' or 'X-API-Key: <key>' (bookingopt.auth.enabled, on "
                            + "in production mode); with authentication off, the X-User-ID header."));
            openApi.getComponents().addSchemas("Problem", problemSchema())
                    .addSchemas("ProblemDetail", problemDetailSchema())
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("An API key made by 'bookingopt keys create'"))
                    .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name("X-API-Key").description("The same key, another header"));
            PathItem optimize = openApi.getPaths().get("/api/v1/optimize");
            if (optimize != null) {
                Operation post = optimize.getPost();
                post.requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                        "application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                .examples(examples(demos)))));
                errors(post, Map.of("413", "Body larger than bookingopt.limits.max-body",
                        "415", "Not application/json",
                        "422", "Invalid problem: every error with its JSON path in 'errors'",
                        "429", "The caller already has its maximum of active jobs (Retry-After)",
                        "503", "Queue full, or shutting down (Retry-After)"));
            }
            PathItem generate = openApi.getPaths().get("/api/v1/problems/generate");
            if (generate != null) {
                Operation post = generate.getPost();
                post.requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                        "application/json", new MediaType().schema(generateSchema()))));
                problemResponse(post);
                errors(post, Map.of("415", "Not application/json",
                        "422", "Invalid settings: every error with its JSON path in 'errors'"));
            }
            PathItem demo = openApi.getPaths().get("/api/v1/demo-problems/{name}");
            if (demo != null) {
                problemResponse(demo.getGet());
                errors(demo.getGet(), Map.of("404", "No demo problem of that name"));
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(op -> {
                        op.addSecurityItem(new SecurityRequirement().addList(BEARER))
                                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
                        errors(op, Map.of("401", "Authentication on: no API key, or a wrong or revoked one "
                                + "(WWW-Authenticate: Bearer)"));
                    });
                }
                if (path.startsWith("/api/v1/jobs/")) {
                    item.readOperations().forEach(op -> errors(op, Map.of("404",
                            "Unknown or expired job, or another user's")));
                    if (item.getDelete() != null) {
                        errors(item.getDelete(), Map.of("400", "The job has already finished"));
                    }
                }
            });
        };
    }

    private static void errors(Operation operation, Map<String, String> byStatus) {
        byStatus.forEach((status, description) -> operation.getResponses().addApiResponse(status,
                new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))))));
    }

    /** The 200 answer is a problem (the controllers return its JSON as bytes). */
    private static void problemResponse(Operation operation) {
        operation.getResponses().addApiResponse("200", new ApiResponse().description("A problem (SPEC §2)")
                .content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
    }

    private static Schema<?> generateSchema() {
        ObjectSchema schema = new ObjectSchema();
        schema.description("What to generate; the other settings are those of `bookingopt generate` "
                + "(minimum stay 3, 5% of stays in adjacency groups, 3% locked, 15% accepting any type)");
        schema.addProperty("rooms", new Schema<>().type("integer").minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(GenerateRequest.MAX_ROOMS)).example(100));
        schema.addProperty("days", new Schema<>().type("integer").minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(GenerateRequest.MAX_DAYS)).description("Nights in the schedule")
                .example(90));
        schema.addProperty("occupancy", new Schema<>().type("number").exclusiveMinimumValue(BigDecimal.ZERO)
                .maximum(BigDecimal.ONE).description("Booked room-nights / (rooms × days)").example(0.85));
        schema.addProperty("types", new Schema<>().type("integer").minimum(BigDecimal.ONE)
                .description("Room types, at most the rooms; default " + GenerateRequest.DEFAULT_TYPES
                        + " (or the rooms, if fewer)"));
        schema.addProperty("seed", new Schema<>().type("integer").format("int64")
                .description("The same settings and seed give the same problem; default "
                        + GenerateRequest.DEFAULT_SEED));
        schema.required(List.of("rooms", "days", "occupancy"));
        return schema;
    }

    private static Schema<?> problemSchema() {
        ObjectSchema schema = new ObjectSchema();
        schema.description("A planning problem (SPEC §2): the hotel's rooms and reservations. See the examples.");
        schema.addProperty("ProblemId", new Schema<>().description("Echoed in the result"));
        schema.addProperty("Rooms", new Schema<>().type("array").description("RoomNumber, RoomType, AdjacentRooms"));
        schema.addProperty("Reservations", new Schema<>().type("array")
                .description("Name, Id, Arrival, Length, AssignedRoom, IsLocked, RoomType, AdjacencyGroup, …"));
        schema.addProperty("MinimumStay", new Schema<>().type("integer").description("1–30, default 5"));
        schema.addProperty("NewReservations", new Schema<>().type("array")
                .description("Non-empty: new-reservation feasibility mode"));
        schema.addProperty("RestrictionsForInitialPlan", new Schema<>().type("boolean")
                .description("Derive restrictions for the given plan, no optimization"));
        schema.addProperty("TimeLimitSeconds", new Schema<>().type("number")
                .description("Wall-clock limit of the job, default 60, at most bookingopt.jobs.max-duration"));
        schema.required(List.of("ProblemId", "Rooms", "Reservations"));
        return schema;
    }

    private static Schema<?> problemDetailSchema() {
        ObjectSchema schema = new ObjectSchema();
        schema.description("RFC 9457 problem details; 'type' names the kind of error (docs/api.md)");
        schema.addProperty("type", new Schema<>().type("string"));
        schema.addProperty("title", new Schema<>().type("string"));
        schema.addProperty("status", new Schema<>().type("integer"));
        schema.addProperty("detail", new Schema<>().type("string"));
        schema.addProperty("instance", new Schema<>().type("string"));
        schema.addProperty("errors", new Schema<>().type("array")
                .description("422 only: {path, message} for every error in the problem"));
        return schema;
    }

    /** The sample problems shipped in the jar, by name. */
    static Map<String, Example> examples(DemoProblems demos) {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (DemoProblems.DemoProblem demo : demos.all()) {
            examples.put(demo.name(), new Example().summary(demo.description())
                    .value(Json.MAPPER.readValue(demo.json(), Map.class)));
        }
        return examples;
    }
}
