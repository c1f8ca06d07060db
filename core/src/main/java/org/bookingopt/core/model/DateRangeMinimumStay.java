package org.bookingopt.core.model;

import java.time.LocalDate;

/** A {@code MinimumStayByDate} entry: from {@code start} to {@code end}, both inclusive. */
public record DateRangeMinimumStay(LocalDate start, LocalDate end, int minimumStay) {
}
