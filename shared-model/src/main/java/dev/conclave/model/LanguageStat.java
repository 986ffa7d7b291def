package dev.conclave.model;

/** Files and lines of one language in a project. */
public record LanguageStat(String language, int files, long lines) {
}
