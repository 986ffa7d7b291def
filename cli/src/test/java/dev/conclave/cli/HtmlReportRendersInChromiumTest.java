package dev.conclave.cli;

import static dev.conclave.cli.FakeGateway.role;
import static dev.conclave.cli.FakeGateway.roles;
import static dev.conclave.cli.FakeGateway.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import dev.conclave.report.ReportView;
import dev.conclave.report.SampleReports;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a person sees it: written by the whole command with {@code --out}, opened
 * in a real browser, which must show the scores and report nothing on its console. The page and
 * its screenshot stay in {@code target/html-report/} to be looked at.
 */
class HtmlReportRendersInChromiumTest {

    private static final Path SCREENSHOTS = Path.of("target", "html-report");

    @TempDir
    static Path workingDirectory;
    static Path html;
    static HeadlessChromium.LoadedPage page;

    @BeforeAll
    static void scanAndOpenTheReport() throws IOException, InterruptedException {
        HeadlessChromium chromium = HeadlessChromium.installed();
        DemoShopTest.createIn(workingDirectory);
        html = workingDirectory.resolve("out/report.html");
        String partial = scan("PARTIAL", roles(role("architect", "SUCCEEDED", null),
                        role("deployment", "SUCCEEDED", null), role("business", "SUCCEEDED", null),
                        role("performance", "FAILED", "rate limited for 10 min")),
                SampleReports.full("PARTIAL"));
        try (FakeGateway gateway = FakeGateway.accepting(partial)) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--server", gateway.url(),
                    "--out", "out/report.html");
            assertEquals(2, run.exitCode(), run::toString);
        }
        Files.createDirectories(SCREENSHOTS);
        Files.copy(html, SCREENSHOTS.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
        page = chromium.load(html);
        chromium.screenshot(html, SCREENSHOTS.resolve("report.png"), 1100, 2600);
    }

    @Test
    void pageLoadsWithoutAnyConsoleMessage() {
        // Script errors, blocked loads and CSP violations all land on the console.
        assertEquals(List.of(), page.console(), "console of " + html);
        assertTrue(page.dom().contains("<title>Conclave report: demo-shop</title>"), page::dom);
    }

    @Test
    void radarShowsEveryScoreWithItsRealValue() {
        String radar = element(page.dom(), "<svg id=\"" + ReportView.RADAR_ID + "\"", "</svg>");
        for (String text : List.of("Code quality", "6.5 / 10", "Deployment readiness", "40 %",
                "Documentation quality", "70 %", "Market viability", "7 / 10", "Vibecodibility", "6 / 10",
                "Fit", "8 / 10")) {
            assertTrue(radar.contains(">" + text + "</tspan>"), () -> "'" + text + "' on the radar:\n" + radar);
        }
        assertTrue(radar.contains("<polygon class=\"area\""), radar);
    }

    @Test
    void roleTimesAreBarsBesideTheWholeScan() {
        String bars = element(page.dom(), "<svg id=\"" + ReportView.TIME_BARS_ID + "\"", "</svg>");
        assertTrue(bars.contains(">architect</text>") && bars.contains(">business</text>"), bars);
        assertTrue(bars.contains(">1.2 s</text>"), bars);
        assertTrue(bars.contains(">whole scan</text>") && bars.contains(">3.2 s</text>"), bars);
        assertTrue(page.dom().contains("no per-role cost chart"), "the missing per-role cost is explained");
    }

    @Test
    void noticeBlockersAndFindingsAreOnThePage() {
        String dom = page.dom();
        assertTrue(dom.contains("Simulated and partial analysis"), "notice heading");
        assertTrue(dom.contains("Offline simulation: these answers come from the deterministic offline provider"));
        assertTrue(dom.indexOf("class=\"notice\"") < dom.indexOf("id=\"scores\""), "the notice comes first");
        assertTrue(dom.contains("<span class=\"badge sev-high\">high</span></td><td>No Dockerfile</td>"), dom);
        assertTrue(dom.contains("README.md with install and usage sections"), "static score finding");
        assertTrue(dom.contains("<strong>performance</strong> failed: rate limited for 10 min"), dom);
        assertTrue(dom.contains("Session cookies lack the Secure flag."), "an unknown role's section");
    }

    @Test
    void screenshotIsNotABlankPage() throws IOException {
        BufferedImage image = ImageIO.read(SCREENSHOTS.resolve("report.png").toFile());
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    coloured++;
                }
            }
        }
        long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
        assertTrue(coloured > sampled / 200, "the chart and badges give colour: " + coloured + " of " + sampled);
    }

    @Test
    void hostileModelOutputStaysTextInTheBrowser(@TempDir Path directory) throws IOException, InterruptedException {
        Path hostile = directory.resolve("hostile.html");
        Files.writeString(hostile, ReportFormat.HTML.render(
                WireJson.decode(SampleReports.hostile(), JsonNode.class), List.of()));

        HeadlessChromium.LoadedPage loaded = HeadlessChromium.installed().load(hostile);

        assertEquals(List.of(), loaded.console(), "a script or load that got through would be reported");
        String dom = loaded.dom().toLowerCase(Locale.ROOT);
        assertFalse(dom.contains("<script") || dom.contains("<img") || dom.contains("<iframe"), loaded::dom);
        assertTrue(loaded.dom().contains("&lt;script&gt;alert('finding')&lt;/script&gt;"), loaded::dom);
    }

    private static String element(String dom, String start, String end) {
        int from = dom.indexOf(start);
        assertTrue(from >= 0, () -> start + " in\n" + dom);
        return dom.substring(from, dom.indexOf(end, from) + end.length());
    }
}
