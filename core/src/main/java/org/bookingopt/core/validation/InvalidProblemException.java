package org.bookingopt.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/** The input cannot be planned as sent; carries every problem found, not just the first. */
public class InvalidProblemException extends RuntimeException {
    private final transient List<ValidationError> errors;

    public InvalidProblemException(List<ValidationError> errors) {
        super(errors.size() + " invalid field(s): "
                + errors.stream().map(ValidationError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
