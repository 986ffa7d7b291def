package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a report as {@code conclave-report-<name>-<scan id prefix>.json} and {@code .md}. The
 * scan id prefix keeps the reports of several scans of one project apart; eight characters of
 * a random UUID are plenty within one directory.
 */
public final class ReportFiles {

    private static final int SCAN_ID_PREFIX = 8;

    public SavedReport write(Path outDir, String projectName, String scanId, JsonNode report, String markdown)
            throws IOException {
        Files.createDirectories(outDir);
        String base = baseName(projectName, scanId);
        Path json = outDir.resolve(base + ".json").toAbsolutePath();
        Path md = outDir.resolve(base + ".md").toAbsolutePath();
        Files.writeString(json, WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(md, markdown, StandardCharsets.UTF_8);
        return new SavedReport(json, md);
    }

    /** The file name without extension; the project name is reduced to characters safe on every file system. */
    static String baseName(String projectName, String scanId) {
        String safeName = projectName.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        String id = scanId.replaceAll("[^A-Za-z0-9-]", "");
        String prefix = id.length() > SCAN_ID_PREFIX ? id.substring(0, SCAN_ID_PREFIX) : id;
        return "conclave-report-" + (safeName.isEmpty() ? "project" : safeName) + "-" + prefix;
    }
}
