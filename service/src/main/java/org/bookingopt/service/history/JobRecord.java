package org.bookingopt.service.history;

import java.time.Duration;
import java.time.Instant;

import org.bookingopt.service.job.Job;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One job's row in the history.
 *
 * @param job            the job as the history knows it: no progress beyond 0 / 100, no input; its
 *                       {@code result} only when read with it and not yet purged
 * @param inputHash      hex SHA-256 of the submitted body
 * @param queueWait      submission to the first start, or null
 * @param run            the last attempt's start to its end, or null
 * @param solverStatus   the result's {@code SolverStatus}, or null
 * @param objective      the result's {@code Objective.Total}, or null
 * @param resultPurgedAt when the retention purge deleted the result, or null
 */
public record JobRecord(Job job, String inputHash, Duration queueWait, Duration run, String solverStatus,
                        Double objective, Instant resultPurgedAt) {

    /** {@code SolverStatus} of the result in a worker wrapper (SPEC §9.5), also of a run without a plan; else null. */
    public static String solverStatusOf(ObjectNode wrapper) {
        JsonNode status = resultObject(wrapper) == null ? null : resultObject(wrapper).get("SolverStatus");
        return status != null && status.isString() ? status.asString() : null;
    }

    /** {@code Objective.Total} of the result in a worker wrapper, or null. */
    public static Double objectiveOf(ObjectNode wrapper) {
        JsonNode total = resultObject(wrapper) == null ? null : resultObject(wrapper).path("Objective").get("Total");
        return total != null && total.isNumber() ? total.doubleValue() : null;
    }

    private static JsonNode resultObject(ObjectNode wrapper) {
        if (wrapper == null) {
            return null;
        }
        return wrapper.get(wrapper.path("success").asBoolean() ? "result" : "details");
    }
}
