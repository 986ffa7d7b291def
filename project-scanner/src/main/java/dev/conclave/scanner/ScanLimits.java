package dev.conclave.scanner;

/**
 * How much of a project a digest may hold. The digest is read by language models, so every part
 * of it is bounded; the defaults keep a large repository's digest to a few tens of kilobytes.
 *
 * @param maxTreeEntries      paths listed in the digest's tree (and in each list of paths in its facts)
 * @param readmeExcerptChars  characters of the README kept in the digest
 * @param manifestExcerptChars characters kept of each manifest (pom.xml, package.json, ...)
 * @param maxManifests        manifests excerpted; the shallowest come first
 * @param maxBytesPerFile     larger files count towards sizes and file counts but are not read,
 *                            so they add no lines and no content signals
 * @param contextTokens       tokens the quoted files (README, manifests, entry points, configuration,
 *                            representative source) may take after compression
 * @param maxQuotedFiles      files besides the README and manifests considered for quoting
 */
public record ScanLimits(
        int maxTreeEntries,
        int readmeExcerptChars,
        int manifestExcerptChars,
        int maxManifests,
        int maxBytesPerFile,
        int contextTokens,
        int maxQuotedFiles) {

    public ScanLimits {
        requirePositive("contextTokens", contextTokens);
        requirePositive("maxQuotedFiles", maxQuotedFiles);
        requirePositive("maxTreeEntries", maxTreeEntries);
        requirePositive("readmeExcerptChars", readmeExcerptChars);
        requirePositive("manifestExcerptChars", manifestExcerptChars);
        requirePositive("maxManifests", maxManifests);
        requirePositive("maxBytesPerFile", maxBytesPerFile);
    }

    /** Limits with the default context: 8 000 tokens over at most 40 quoted files. */
    public ScanLimits(int maxTreeEntries, int readmeExcerptChars, int manifestExcerptChars, int maxManifests,
            int maxBytesPerFile) {
        this(maxTreeEntries, readmeExcerptChars, manifestExcerptChars, maxManifests, maxBytesPerFile, 8_000, 40);
    }

    /** 500 tree entries, 4000 README chars, 2000 chars per manifest, 12 manifests, 1 MiB per file, 8 000 context tokens. */
    public static ScanLimits defaults() {
        return new ScanLimits(500, 4000, 2000, 12, 1024 * 1024);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("scan limit " + name + " must be positive, was " + value);
        }
    }
}
