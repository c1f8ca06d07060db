package org.bookingopt.service.api;

import java.util.List;

import org.bookingopt.service.problems.DemoProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The sample problems shipped in the jar, to try the service without a problem of one's own. */
@RestController
@RequestMapping("/api/v1/demo-problems")
public class DemoProblemController {
    private final DemoProblems demos;

    public DemoProblemController(DemoProblems demos) {
        this.demos = demos;
    }

    @Operation(summary = "The sample problems: name, rooms, stays and what each exercises")
    @GetMapping
    DemoList list() {
        return new DemoList(demos.all().stream()
                .map(d -> new Summary(d.name(), d.rooms(), d.stays(), d.description())).toList());
    }

    @Operation(summary = "One sample problem (SPEC §2), ready to POST to /api/v1/optimize")
    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> get(@PathVariable String name) {
        DemoProblems.DemoProblem demo = demos.find(name).orElseThrow(() -> new DemoProblemNotFoundException(name));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(demo.json());
    }

    record Summary(String name, int rooms, int stays, String description) {
    }

    record DemoList(List<Summary> problems) {
    }

    /** No demo problem has that name. */
    static final class DemoProblemNotFoundException extends RuntimeException {
        DemoProblemNotFoundException(String name) {
            super("No demo problem is named '" + name + "'; GET /api/v1/demo-problems lists them");
        }
    }
}
