package org.bookingopt.service.api;

import org.bookingopt.service.cache.ResultCache;
import org.bookingopt.service.config.CacheProperties;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The result cache's admin endpoints: forget one result, or all. */
@RestController
@RequestMapping("/api/v1/cache")
public class CacheController {
    private final ResultCache cache;
    private final CacheProperties settings;

    public CacheController(ResultCache cache, CacheProperties settings) {
        this.cache = cache;
        this.settings = settings;
    }

    @Operation(summary = "Admin: remove one result from the cache, by a job's cache_key")
    @DeleteMapping("/{key}")
    Deleted delete(@PathVariable String key, HttpServletRequest request) {
        requireAdmin(request);
        if (!cache.delete(key)) {
            throw new EntryNotFoundException(key);
        }
        return new Deleted("Cache entry deleted", 1);
    }

    @Operation(summary = "Admin: remove every result from the cache")
    @PostMapping("/clear-all")
    Deleted clearAll(HttpServletRequest request) {
        requireAdmin(request);
        return new Deleted("Cache cleared", cache.clear());
    }

    private void requireAdmin(HttpServletRequest request) {
        if (!Callers.isAdmin(request, settings)) {
            throw new ForbiddenException();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Deleted(String message, long deleted) {
    }

    /** The caller is not an admin. */
    static final class ForbiddenException extends RuntimeException {
        ForbiddenException() {
            super("Only an admin may change the result cache");
        }
    }

    /** No cache entry under the key. */
    static final class EntryNotFoundException extends RuntimeException {
        EntryNotFoundException(String key) {
            super("No result is cached under '" + key + "' (never, expired or deleted)");
        }
    }
}
