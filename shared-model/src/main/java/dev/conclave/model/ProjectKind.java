package dev.conclave.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What kind of project a scan looked at, decided by project-scanner from manifests and structure.
 * Deployment readiness is judged by what the kind needs: a library is published to a package index,
 * a service runs somewhere, a command-line tool is installed by its users.
 */
public enum ProjectKind {
    LIBRARY("library"),
    SERVICE("service or web app"),
    CLI("command-line tool"),
    MONOREPO("mixed or monorepo"),
    /** Nothing decided it (no manifest, no structure that says); judged as a service, as before kinds existed. */
    UNKNOWN("unknown kind");

    private final String label;

    ProjectKind(String label) {
        this.label = label;
    }

    /** How a report names the kind, e.g. "command-line tool". */
    public String label() {
        return label;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProjectKind fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
