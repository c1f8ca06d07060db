package org.bookingopt.service.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The rate limits on submitting and reading jobs. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {
    private final RateLimitInterceptor rateLimits;

    public WebConfig(RateLimitInterceptor rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimits).addPathPatterns("/api/v1/optimize", "/api/v1/jobs", "/api/v1/jobs/**");
    }
}
