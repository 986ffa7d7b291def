package dev.conclave.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import dev.conclave.report.ReportTemplates;
import dev.conclave.report.ReportView;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The file formats a report can be saved in, chosen by the file's extension: {@code --out
 * report.html}. The JSON file is the gateway's report as it came; the others are renderings of it.
 */
public enum ReportFormat {
    JSON(".json"),
    MARKDOWN(".md"),
    HTML(".html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file name asks for, by its extension (case ignored). */
    public static Optional<ReportFormat> forFile(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> lower.endsWith(format.extension)).findFirst();
    }

    /** ".json, .md or .html", for messages that list what is allowed. */
    public static String allowedExtensions() {
        List<String> all = Arrays.stream(values()).map(ReportFormat::extension).toList();
        return all.subList(0, all.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + all.get(all.size() - 1);
    }

    /**
     * @param roles the scan's role states from the gateway: why a role failed, how long each took;
     *              the report itself does not carry them
     */
    public String render(JsonNode report, List<RoleProgress> roles) {
        return switch (this) {
            case JSON -> prettyJson(report);
            case MARKDOWN -> Templates.REPORT.markdown(view(report, roles));
            case HTML -> Templates.REPORT.html(view(report, roles));
        };
    }

    private static ReportView view(JsonNode report, List<RoleProgress> roles) {
        return ReportView.of(report, roles.stream().map(RoleProgress::reportState).toList());
    }

    /** Built on first use, so saving only JSON never parses a template. */
    private static final class Templates {
        static final ReportTemplates REPORT = new ReportTemplates();
    }

    private static String prettyJson(JsonNode report) {
        try {
            return WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            // A tree that was decoded from JSON always encodes again.
            throw new IllegalStateException("cannot encode the report as JSON", e);
        }
    }
}
