package dev.conclave.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Limits on what a client may send; every refusal names the limit and its property. */
@ConfigMapping(prefix = "conclave.intake")
public interface IntakeConfig {

    /** Size of a whole request body, in bytes. */
    @WithDefault("20000000")
    long maxTotalBytes();

    /** Size of one file's content, in bytes (UTF-8), in a JSON body, an archive or a repository. */
    @WithDefault("2000000")
    long maxFileBytes();

    @WithDefault("20000")
    int maxFiles();

    /** Folders in a file's path. */
    @WithDefault("32")
    int maxPathDepth();

    @WithDefault("200")
    int maxNameLength();

    /** Compressed size of an uploaded archive, or bytes received while fetching a git repository. */
    @WithDefault("50000000")
    long maxArchiveBytes();

    /** Bytes extracted from one archive or checked out of one repository, counted as they are written. */
    @WithDefault("200000000")
    long maxUncompressedBytes();

    /** Entries (files, folders, links) in one archive or one repository's tree. */
    @WithDefault("20000")
    int maxEntries();

    /**
     * How many times its compressed size an archive may expand. Checked while extracting, once more
     * than {@code 1 MiB} came out, so a small archive of repetitive text is not mistaken for a bomb.
     */
    @WithDefault("100")
    int maxCompressionRatio();

    Git git();

    /** Where a scan of a git repository may fetch from. */
    interface Git {

        /** Hosts an https URL may name, exactly (no sub-domains). */
        @WithDefault("github.com,gitlab.com,bitbucket.org")
        List<String> allowedHosts();

        /** Lets an allowed host resolve to a loopback, private or link-local address (a self-hosted forge). */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** {@code file://} URLs read the gateway's own disk: for tests and local development only. */
        @WithDefault("false")
        boolean allowFile();

        /** Longest a fetch may take, end to end. */
        @WithDefault("60s")
        Duration timeout();
    }
}
