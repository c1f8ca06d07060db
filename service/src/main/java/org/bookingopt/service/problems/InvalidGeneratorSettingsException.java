package org.bookingopt.service.problems;

import java.util.List;

import org.bookingopt.core.validation.ValidationError;

/** A generate request the generator cannot take; carries every error with its JSON path. */
public class InvalidGeneratorSettingsException extends RuntimeException {
    private final transient List<ValidationError> errors;

    public InvalidGeneratorSettingsException(List<ValidationError> errors) {
        super(errors.size() + " invalid generator setting(s)");
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
