package org.bookingopt.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The job service; started by {@code bookingopt serve}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BookingOptApplication {
    public static void main(String[] args) {
        SpringApplication.run(BookingOptApplication.class, args);
    }
}
