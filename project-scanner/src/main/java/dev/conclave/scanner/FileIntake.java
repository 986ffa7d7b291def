package dev.conclave.scanner;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one gate every candidate file passes, whether it came from a directory walk or a list of
 * uploaded files: skipped folders, binary extensions, binary content, and the per-file read limit.
 */
final class FileIntake {

    /**
     * Reads at most {@code maxBytes} bytes from the beginning of a candidate file. It is called only
     * for files that pass the path rules, so vendored and binary-named files are never opened.
     * A reader of files on disk reports a failure as {@link java.io.UncheckedIOException}.
     */
    @FunctionalInterface
    interface HeadReader {
        byte[] readUpTo(int maxBytes);
    }

    private final ScanLimits limits;

    FileIntake(ScanLimits limits) {
        this.limits = limits;
    }

    Optional<ScannedFile> admit(String path, long sizeBytes, HeadReader reader) {
        if (SkipRules.isInSkippedDirectory(path) || SkipRules.hasBinaryExtension(path)) {
            return Optional.empty();
        }
        // A file over the limit is still sniffed so that a big binary is skipped, not counted as text.
        boolean tooLarge = sizeBytes > limits.maxBytesPerFile();
        byte[] bytes = reader.readUpTo(tooLarge ? SkipRules.BINARY_SNIFF_BYTES : limits.maxBytesPerFile());
        if (SkipRules.startsWithBinaryContent(bytes)) {
            return Optional.empty();
        }
        if (tooLarge) {
            return Optional.of(new ScannedFile(path, sizeBytes, null));
        }
        // Malformed UTF-8 becomes U+FFFD rather than failing the scan: the scanner reads, never judges, encodings.
        return Optional.of(new ScannedFile(path, bytes.length, new String(bytes, StandardCharsets.UTF_8)));
    }
}
