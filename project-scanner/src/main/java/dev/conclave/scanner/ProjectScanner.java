package dev.conclave.scanner;

import dev.conclave.model.ScanDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import dev.conclave.scanner.redact.SecretRedactor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Builds the {@link ScanDigest} of a project, either from a directory on disk or from a list of
 * files sent as text. Both entry points pass every file through the same {@link FileIntake},
 * summarise it the same way ({@link FileSummary}) and build the digest in the same
 * {@link DigestAssembler}, so the same project gives an equal digest.
 *
 * <p>Skipped: dependency, build-output and tool folders ({@code .git}, {@code node_modules},
 * {@code target}, ...), binary files (a NUL byte in the first 8 KiB or a binary extension), and
 * symbolic links, which are never followed so a scan cannot leave the project. Paths matched by the
 * project's {@code .gitignore} files (root and nested) and {@code .conclaveignore} files are left out
 * too, in both entry points ({@link IgnoreRules}).
 */
public final class ProjectScanner {

    private final ScanLimits limits;
    private final FileIntake intake;
    private final DigestAssembler assembler;
    private final SecretRedactor redactor = new SecretRedactor();

    public ProjectScanner(ScanLimits limits) {
        this.limits = Objects.requireNonNull(limits, "scan limits must not be null; use ScanLimits.defaults()");
        this.intake = new FileIntake(limits);
        this.assembler = new DigestAssembler(limits);
    }

    public ScanLimits limits() {
        return limits;
    }

    /**
     * Scans the project in a directory.
     *
     * @throws IllegalArgumentException when {@code root} is not an existing directory or the name is blank
     * @throws UncheckedIOException     when the directory cannot be walked at all
     */
    public ScanDigest scan(Path root, String projectName) {
        requireProjectName(projectName);
        if (root == null) {
            throw new IllegalArgumentException("no directory given to scan for project " + projectName);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("cannot scan " + root.toAbsolutePath() + ": "
                    + (Files.exists(root) ? "it is not a directory" : "it does not exist"));
        }
        try {
            // The root itself may be a link the user chose deliberately; links inside it are not followed.
            Path realRoot = root.toRealPath();
            List<FileSummary> files = new ArrayList<>();
            Files.walkFileTree(realRoot, Set.of(), Integer.MAX_VALUE, new ProjectWalker(realRoot, files));
            return assembler.assemble(projectName, files, path -> reread(realRoot, path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + root.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Scans a project given as files, for example uploaded to the gateway. Files in skipped folders
     * and binary files are left out exactly as in a directory scan.
     *
     * @throws IllegalArgumentException when a path appears twice or the name is blank
     */
    public ScanDigest scan(List<ProjectFile> files, String projectName) {
        requireProjectName(projectName);
        if (files == null) {
            throw new IllegalArgumentException("no file list given to scan for project " + projectName);
        }
        Set<String> seen = new HashSet<>();
        for (ProjectFile file : files) {
            if (!seen.add(file.path())) {
                throw new IllegalArgumentException("project file " + file.path() + " appears more than once in "
                        + projectName + "; send each path once");
            }
        }
        ListedIgnores ignores = new ListedIgnores(files);
        List<FileSummary> admitted = new ArrayList<>();
        for (ProjectFile file : files) {
            if (ignores.isIgnored(file.path())) {
                continue;
            }
            byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
            intake.admit(file.path(), bytes.length, maxBytes -> bytes.length <= maxBytes ? bytes : Arrays.copyOf(bytes, maxBytes))
                    .map(scanned -> FileSummary.of(scanned, redactor))
                    .ifPresent(admitted::add);
        }
        Map<String, String> texts = new HashMap<>();
        files.forEach(file -> texts.put(file.path(), file.content()));
        return assembler.assemble(projectName, admitted, texts::get);
    }

    /** A quoted file's text, read again from disk; null when it went away or became unreadable meanwhile. */
    private String reread(Path root, String path) {
        try {
            return new String(ProjectWalker.readHead(root.resolve(path), limits.maxBytesPerFile()), StandardCharsets.UTF_8);
        } catch (UncheckedIOException gone) {
            return null;
        }
    }

    private static void requireProjectName(String projectName) {
        if (projectName == null || projectName.isBlank()) {
            throw new IllegalArgumentException("project name must not be blank");
        }
    }

    /**
     * Walks a directory without following links, pruning skipped and ignored folders before descending.
     * The ignore rules in force are a stack: a folder's ignore files are pushed on entering it and
     * popped on leaving it.
     */
    private final class ProjectWalker extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<FileSummary> files;
        private final Deque<IgnoreRules> ignoreRules = new ArrayDeque<>();

        ProjectWalker(Path root, List<FileSummary> files) {
            this.root = root;
            this.files = files;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean isRoot = dir.equals(root);
            IgnoreRules outer = isRoot ? IgnoreRules.NONE : ignoreRules.peek();
            String path = isRoot ? "" : relativePath(dir);
            // Pruning here saves reading node_modules at all; the intake applies the same rule to every path anyway.
            if (!isRoot && (SkipRules.isSkippedDirectory(dir.getFileName().toString()) || outer.isIgnored(path, true))) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            ignoreRules.push(outer.enter(path, ignoreFileTexts(dir)));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            ignoreRules.pop();
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // Without FOLLOW_LINKS a link arrives here as a link, neither a regular file nor a directory.
            if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
            }
            String path = relativePath(file);
            if (ignoreRules.peek().isIgnored(path, false)) {
                return FileVisitResult.CONTINUE;
            }
            try {
                intake.admit(path, attrs.size(), maxBytes -> readHead(file, maxBytes))
                        .map(scanned -> FileSummary.of(scanned, redactor))
                        .ifPresent(files::add);
            } catch (UncheckedIOException unreadable) {
                // A file that vanished or is not readable is left out rather than failing the whole scan.
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            // Same reasoning as an unreadable file: an inaccessible folder should not sink the scan.
            return FileVisitResult.CONTINUE;
        }

        /** The texts of the folder's ignore files that are regular files (a linked one is not followed). */
        private List<String> ignoreFileTexts(Path dir) {
            List<String> texts = new ArrayList<>();
            for (String name : IgnoreRules.IGNORE_FILE_NAMES) {
                Path ignoreFile = dir.resolve(name);
                if (Files.isRegularFile(ignoreFile, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        texts.add(new String(readHead(ignoreFile, limits.maxBytesPerFile()), StandardCharsets.UTF_8));
                    } catch (UncheckedIOException unreadable) {
                        // An unreadable ignore file ignores nothing, like git, rather than failing the scan.
                    }
                }
            }
            return texts;
        }

        private String relativePath(Path file) {
            StringJoiner path = new StringJoiner("/");
            for (Path segment : root.relativize(file)) {
                path.add(segment.toString());
            }
            return path.toString();
        }

        private static byte[] readHead(Path file, int maxBytes) {
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                return in.readNBytes(maxBytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
