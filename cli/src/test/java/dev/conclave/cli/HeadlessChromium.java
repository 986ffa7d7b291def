package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Opens a local file in Debian's Chromium, headless: the DOM after the page was loaded and
 * everything the page wrote to the console (script errors and Content-Security-Policy
 * violations included), or a screenshot. A missing Chromium fails the test, never skips it.
 */
final class HeadlessChromium {

    /**
     * @param dom     the document as the browser holds it after loading, serialised
     * @param console the page's console messages; Chromium logs them with {@code --enable-logging}
     */
    record LoadedPage(String dom, List<String> console) {
    }

    private static final List<String> NAMES = List.of("chromium", "chromium-browser");
    private static final long TIMEOUT_SECONDS = 60;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** Chromium from the PATH, or a failed test that says how to install it. */
    static HeadlessChromium installed() {
        return find().map(HeadlessChromium::new).orElseGet(() -> fail(
                "Chromium is needed to check the HTML report in a real browser, and none of " + NAMES
                        + " is on the PATH. Install it: apt-get update && apt-get install -y chromium"));
    }

    LoadedPage load(Path html) throws IOException, InterruptedException {
        Run run = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString()));
        List<String> console = run.stderr().lines().filter(line -> line.matches(".*:CONSOLE[:(].*")).toList();
        return new LoadedPage(run.stdout(), console);
    }

    void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()));
        if (!Files.isRegularFile(png)) {
            fail("Chromium wrote no screenshot to " + png);
        }
    }

    private record Run(String stdout, String stderr) {
    }

    private Run run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("conclave-chromium-");
        Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
        Path stderr = profile.resolveSibling(profile.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail("Chromium exited with " + process.exitValue() + ": " + command + "\n" + err);
            }
            return new Run(Files.readString(stdout, StandardCharsets.UTF_8), err);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            deleteTree(profile);
        }
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Best effort: Chromium may still be closing files in its profile as it exits. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
