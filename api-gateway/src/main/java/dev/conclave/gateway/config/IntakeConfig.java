package dev.conclave.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what a client may send; every refusal names the limit and its property. */
@ConfigMapping(prefix = "conclave.intake")
public interface IntakeConfig {

    /** Size of a whole request body, in bytes. */
    @WithDefault("20000000")
    long maxTotalBytes();

    /** Size of one file's content, in bytes (UTF-8). */
    @WithDefault("2000000")
    long maxFileBytes();

    @WithDefault("20000")
    int maxFiles();

    /** Folders in a file's path. */
    @WithDefault("32")
    int maxPathDepth();

    @WithDefault("200")
    int maxNameLength();
}
