package org.a4p.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one JSON mapping of the product, shared by the command line and the HTTP API: records are
 * written with snake_case keys, dates as ISO text, and decimals with at most 4 places (a figure's
 * precision, not the float's noise: 5.131245 is written 5.1312).
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(Double.class, new FourPlaces()).addSerializer(Double.TYPE, new FourPlaces()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final ObjectMapper INDENTED = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** On one line, for machines (a page's chart data). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Indented, for people reading the command line's output. */
    public static String pretty(Object value) {
        try {
            return INDENTED.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Rounds half up to 4 places and drops trailing zeros; non-finite values (never stored) as null. */
    private static final class FourPlaces extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FourPlaces() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value.isNaN() || value.isInfinite()) {
                generator.writeNull();
            } else {
                generator.writeNumber(BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
            }
        }
    }
}
