package dev.conclave.cli;

import java.nio.file.Path;

/**
 * What {@code conclave scan} was pointed at: a directory (digested here, so no file leaves the machine
 * before secrets are redacted), an archive (uploaded; the gateway unpacks it under its limits), or a git
 * repository (fetched by the gateway, from the hosts it allows).
 */
public sealed interface ProjectSource {

    /** A project directory on this machine. */
    record Directory(Path path) implements ProjectSource {
    }

    /** A {@code .zip} or {@code .tar.gz} file, sent as it is with its content type. */
    record Archive(Path file, String contentType) implements ProjectSource {
    }

    /** A git URL and an optional ref (branch or tag; null for the default branch). */
    record GitRepository(String url, String ref) implements ProjectSource {
    }
}
