package org.bookingopt.core.json;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The one Jackson 3 mapper the core uses, with the settings results are written with. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }
}
