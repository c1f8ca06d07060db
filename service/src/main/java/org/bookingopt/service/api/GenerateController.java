package org.bookingopt.service.api;

import java.nio.charset.StandardCharsets;

import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.service.problems.GenerateRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** {@code POST /api/v1/problems/generate}: a realistic hotel problem of the asked size, as {@code bookingopt generate}. */
@RestController
public class GenerateController {

    @Operation(summary = "Generate a realistic hotel problem (SPEC §2) that has a valid plan by construction")
    @PostMapping(path = "/api/v1/problems/generate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> generate(@RequestBody(required = false) byte[] body) {
        String request = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String problem = HotelGenerator.generate(GenerateRequest.parse(request)).toJsonString();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(problem.getBytes(StandardCharsets.UTF_8));
    }
}
