package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves a report. Without {@code --out} it goes to {@code conclave-report-<name>-<scan id
 * prefix>.json} and {@code .md} in the output directory; the scan id prefix keeps the reports of
 * several scans of one project apart (eight characters of a random UUID are plenty within one
 * directory). With {@code --out} it goes to exactly the files named, each in the format of its
 * extension.
 */
public final class ReportFiles {

    private static final int SCAN_ID_PREFIX = 8;
    /** What a scan saves when not told otherwise: the data and a rendering to read or commit. */
    static final List<ReportFormat> DEFAULT_FORMATS = List.of(ReportFormat.JSON, ReportFormat.MARKDOWN);

    /** The files a scan saves without {@code --out}, absolute. */
    public List<Path> defaultTargets(Path outDir, String projectName, String scanId) {
        String base = baseName(projectName, scanId);
        return DEFAULT_FORMATS.stream()
                .map(format -> outDir.resolve(base + format.extension()).toAbsolutePath())
                .toList();
    }

    /**
     * Writes the report into each target in the format of its extension, creating missing parent
     * directories, and returns the absolute paths written.
     */
    public List<Path> write(List<Path> targets, JsonNode report, List<RoleProgress> roles) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Path target : targets) {
            Path file = target.toAbsolutePath();
            ReportFormat format = ReportFormat.forFile(file).orElseThrow(() -> new IllegalArgumentException(
                    file + " has no report extension (" + ReportFormat.allowedExtensions() + ")"));
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, format.render(report, roles), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    /** The file name without extension; the project name is reduced to characters safe on every file system. */
    static String baseName(String projectName, String scanId) {
        String safeName = projectName.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        String id = scanId.replaceAll("[^A-Za-z0-9-]", "");
        String prefix = id.length() > SCAN_ID_PREFIX ? id.substring(0, SCAN_ID_PREFIX) : id;
        return "conclave-report-" + (safeName.isEmpty() ? "project" : safeName) + "-" + prefix;
    }
}
