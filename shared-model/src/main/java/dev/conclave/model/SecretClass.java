package dev.conclave.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a redacted secret-shaped value is reported. Every one of them was redacted; only
 * {@link #LIKELY_REAL} ones are reported as committed secrets (a deployment blocker, a priority).
 */
public enum SecretClass {
    /** In application code or configuration and not recognisably a placeholder: rotate it. */
    LIKELY_REAL("likely real"),
    /** Under a test or fixture path, or known test-key material (a test-mode key, a key beside test certificates). */
    TEST_FIXTURE("test fixture"),
    /** A placeholder, a template variable, a vendor's documented example, or a value in documentation. */
    EXAMPLE("example or placeholder"),
    /** Listed by the project itself as a known false positive (its {@code .conclave-false-positives}). */
    MARKED_FALSE_POSITIVE("marked as a known false positive");

    private final String label;

    SecretClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SecretClass fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
