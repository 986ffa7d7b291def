package dev.conclave.gateway.intake;

import dev.conclave.gateway.config.IntakeConfig;
import dev.conclave.gateway.service.InvalidScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an uploaded {@code .zip} or {@code .tar.gz} into a {@link ProjectTree}. A tar.gz is read
 * as it arrives; a zip is first spooled to the private folder, because only its central directory
 * says which entries are symbolic links. Compressed bytes are capped while they are read; what the
 * archive declares (sizes, counts) can only refuse it earlier, never admit it.
 */
public final class ArchiveExtractor {
    private static final int MAX_LINK_TARGET_BYTES = 4096;

    /** The archive formats an upload may have, by the request's Content-Type. */
    public enum Format {
        ZIP("zip archive"), TAR_GZ("gzip-compressed tar archive");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        public static Optional<Format> ofMediaType(String mediaType) {
            String type = mediaType == null ? "" : mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            return switch (type) {
                case "application/zip" -> Optional.of(ZIP);
                case "application/gzip" -> Optional.of(TAR_GZ);
                default -> Optional.empty();
            };
        }
    }

    private final IntakeConfig limits;

    public ArchiveExtractor(IntakeConfig limits) {
        this.limits = limits;
    }

    public void extract(Format format, InputStream body, ProjectTree tree) {
        CountingInputStream compressed = new CountingInputStream(body, this::checkCompressed);
        tree.measureRatioAgainst(compressed::count);
        try {
            switch (format) {
                case ZIP -> unzip(compressed, tree);
                case TAR_GZ -> untar(compressed, tree);
            }
        } catch (IOException e) {
            throw InvalidScanException.badRequest("body", "the body is not a readable %s (%s); send a .zip as application/zip or a .tar.gz as application/gzip"
                    .formatted(format.description, e.getMessage()));
        }
        if (tree.files() == 0) {
            throw InvalidScanException.badRequest("body", "the archive holds no files; archive the project's folder");
        }
    }

    /** Refuses an upload whose Content-Length is already over the limit, before reading it. */
    public void expectCompressedSize(long declared) {
        checkCompressed(declared);
    }

    private void checkCompressed(long bytes) {
        if (bytes > limits.maxArchiveBytes()) {
            throw InvalidScanException.tooLarge("body", "the archive is more than %d bytes; the limit is %d (conclave.intake.max-archive-bytes)"
                    .formatted(limits.maxArchiveBytes(), limits.maxArchiveBytes()));
        }
    }

    private void unzip(InputStream compressed, ProjectTree tree) throws IOException {
        Path spooled = tree.workDir().resolve("upload.zip");
        try (OutputStream out = Files.newOutputStream(spooled)) {
            compressed.transferTo(out);
        }
        try (ZipFile zip = ZipFile.builder().setPath(spooled).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
            tree.expectEntries(entries.size());
            for (ZipArchiveEntry entry : entries) {
                tree.countEntry();
                String path = tree.path(entry.getName());
                if (path.isEmpty()) {
                    continue;
                }
                if (entry.isUnixSymlink()) {
                    try (InputStream target = zip.getInputStream(entry)) {
                        tree.link(path, new String(target.readNBytes(MAX_LINK_TARGET_BYTES), StandardCharsets.UTF_8), false);
                    }
                } else if (entry.isDirectory()) {
                    tree.directory(path);
                } else {
                    if (!zip.canReadEntryData(entry)) {
                        throw InvalidScanException.badRequest("body", "archive entry '%s' is encrypted or uses an unsupported compression method; use plain deflate"
                                .formatted(path));
                    }
                    tree.expectFileSize(path, entry.getSize());
                    try (InputStream content = zip.getInputStream(entry)) {
                        tree.file(path, content);
                    }
                }
            }
        }
    }

    private void untar(InputStream compressed, ProjectTree tree) throws IOException {
        // Every decompressed byte counts, tar headers and long names included, not only file contents.
        InputStream expanded = new CountingInputStream(new GzipCompressorInputStream(compressed, true), tree::checkExpansion);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(expanded)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                tree.countEntry();
                String path = tree.path(entry.getName());
                if (path.isEmpty()) {
                    continue;
                }
                if (entry.isSymbolicLink()) {
                    tree.link(path, entry.getLinkName(), false);
                } else if (entry.isLink()) {
                    tree.link(path, entry.getLinkName(), true);
                } else if (entry.isDirectory()) {
                    tree.directory(path);
                } else if (entry.isFile()) {
                    tree.expectFileSize(path, entry.getSize());
                    tree.file(path, tar);
                }
                // Devices and FIFOs are left out: they hold no project text.
            }
        }
    }
}
