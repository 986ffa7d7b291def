package dev.conclave.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One redacted secret-shaped value, where it is and how it is classed; never the value itself.
 *
 * @param path        project-relative file
 * @param line        1-based line where the value starts
 * @param rule        the redaction rule that matched, e.g. {@code url_password}
 * @param secretClass how it is reported
 * @param reason      why it got that class, e.g. "under a test folder (tests/)"
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SecretFinding(String path, int line, String rule, SecretClass secretClass, String reason) {
}
