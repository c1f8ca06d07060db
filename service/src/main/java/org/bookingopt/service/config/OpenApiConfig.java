package org.bookingopt.service.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bookingopt.cli.Version;
import org.bookingopt.core.json.Json;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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

/**
 * The OpenAPI document at {@code /openapi.json} (Swagger UI at {@code /docs}): springdoc generates it from
 * the controllers; this adds what annotations would clutter them with: the problem schema with the sample
 * problems as examples, and the problem+json error responses.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    static final String DEMO_PROBLEMS = "classpath:demo-problems/*.json";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenApiCustomizer bookingOptOpenApi() {
        return openApi -> {
            openApi.info(new Info().title("BookingOpt").version(Version.current())
                    .description("Hotel room planning: submit a problem, follow its job, read the result. "
                            + "Errors are RFC 9457 problem details. Caller identity: the X-User-ID header."));
            openApi.getComponents().addSchemas("Problem", problemSchema())
                    .addSchemas("ProblemDetail", problemDetailSchema());
            PathItem optimize = openApi.getPaths().get("/api/v1/optimize");
            if (optimize != null) {
                Operation post = optimize.getPost();
                post.requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                        "application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                .examples(demoProblems()))));
                errors(post, Map.of("413", "Body larger than bookingopt.limits.max-body",
                        "415", "Not application/json",
                        "422", "Invalid problem: every error with its JSON path in 'errors'",
                        "429", "The caller already has its maximum of active jobs (Retry-After)",
                        "503", "Queue full, or shutting down (Retry-After)"));
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/v1/jobs/")) {
                    item.readOperations().forEach(op -> errors(op, Map.of("404", "Unknown or expired job")));
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

    /** The sample problems shipped in the jar, by file name. */
    static Map<String, Example> demoProblems() {
        Map<String, Example> examples = new LinkedHashMap<>();
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(DEMO_PROBLEMS);
            Arrays.sort(found, Comparator.comparing(Resource::getFilename));
            for (Resource r : found) {
                try (InputStream in = r.getInputStream()) {
                    String name = r.getFilename().replaceFirst("\\.json$", "");
                    examples.put(name, new Example().summary(name).value(Json.MAPPER.readValue(in, Map.class)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo problems", e);
        }
        return examples;
    }
}
