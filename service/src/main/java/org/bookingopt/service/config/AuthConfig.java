package org.bookingopt.service.config;

import java.time.Clock;

import org.bookingopt.service.auth.ApiKeys;
import org.bookingopt.service.auth.AuthProperties;
import org.bookingopt.service.auth.CallerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Who calls the HTTP API ({@code bookingopt.auth.enabled}): API keys from PostgreSQL, or, switched off, the
 * {@code X-User-ID} header on trust. Processes without HTTP (role {@code worker}) have none of this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class AuthConfig {
    /**
     * The caller filter runs this early: after Spring's encoding and observation filters, before any filter
     * (rate limits) or controller that asks who the caller is.
     */
    public static final int CALLER_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;
    private static final Logger log = LoggerFactory.getLogger(AuthConfig.class);

    @Bean
    @ConditionalOnProperty(name = "bookingopt.auth.enabled", havingValue = "true")
    ApiKeys apiKeys(ObjectProvider<JdbcTemplate> jdbc, Clock clock) {
        JdbcTemplate template = jdbc.getIfAvailable();
        if (template == null) {
            throw new IllegalStateException("Authentication is on (bookingopt.auth.enabled=true, the default of role "
                    + "api and of the redis backend), and API keys live in PostgreSQL, but bookingopt.database is not "
                    + "postgres: set bookingopt.database=postgres and spring.datasource.url/username/password, or "
                    + "switch authentication off explicitly with bookingopt.auth.enabled=false (X-User-ID is then "
                    + "trusted)");
        }
        return new ApiKeys(template, clock);
    }

    /** Takes the service's settings so that they are checked first: a wrong role says more than a key error. */
    @Bean
    FilterRegistrationBean<CallerFilter> callerFilter(BookingOptProperties service, AuthProperties auth,
                                                      ObjectProvider<ApiKeys> keys,
                                                      ObjectProvider<MeterRegistry> meters) {
        CallerFilter filter;
        if (auth.enabled()) {
            ApiKeys apiKeys = keys.getObject();
            int active = apiKeys.activeCount();
            if (active == 0) {
                log.warn("Authentication is on, and there is no API key yet: every API request gets 401 until one "
                        + "is made with 'bookingopt keys create --user NAME [--role admin]'");
            } else {
                log.info("Authentication is on: {} active API key(s)", active);
            }
            filter = CallerFilter.authenticating(apiKeys, meters);
        } else {
            log.warn("Authentication is off (bookingopt.auth.enabled=false): the X-User-ID header is trusted, so "
                    + "anyone who reaches this port can act as any user. Switch it on for a shared service.");
            filter = CallerFilter.trustingUserHeader();
        }
        FilterRegistrationBean<CallerFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(CALLER_FILTER_ORDER);
        return registration;
    }
}
