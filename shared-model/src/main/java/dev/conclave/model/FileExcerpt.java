package dev.conclave.model;

/** The beginning of one file; {@code truncated} says the file went on past the excerpt. */
public record FileExcerpt(String path, String content, boolean truncated) {
}
