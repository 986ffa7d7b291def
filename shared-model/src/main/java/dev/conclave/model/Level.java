package dev.conclave.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** low | medium | high, as the analysis schemas spell it. */
public enum Level {
    LOW, MEDIUM, HIGH;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Level fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
