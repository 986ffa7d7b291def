package dev.conclave.gateway.intake;

import dev.conclave.gateway.config.IntakeConfig;
import dev.conclave.gateway.service.InvalidScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * A private temporary folder an upload is unpacked into, and the count of what went in. Every
 * entry, path and byte is checked against the intake limits as it is written, so extraction stops
 * at the first byte over a limit whatever the archive declared. Links are never created: one that
 * stays inside the project is left out (the scanner would not follow it anyway), one that leaves
 * it refuses the upload. {@link #close()} deletes the folder.
 */
public final class ProjectTree implements AutoCloseable {
    /** Below this much output no ratio is a bomb; a small archive of repetitive text expands a lot. */
    static final long RATIO_CHECKED_AFTER_BYTES = 1024 * 1024;

    private final IntakeConfig limits;
    private final String source;
    private final String field;
    private final Path workDir;
    private final Path root;
    private LongSupplier compressedBytes = () -> 0;
    private int entries;
    private int files;
    private long written;

    private ProjectTree(IntakeConfig limits, String source, String field, Path workDir) throws IOException {
        this.limits = limits;
        this.source = source;
        this.field = field;
        this.workDir = workDir;
        this.root = Files.createDirectory(workDir.resolve("project"));
    }

    /**
     * A new empty tree in a folder only this process's user can read.
     *
     * @param source what is unpacked, as a user reads it in a refusal: "archive" or "repository"
     * @param field  the request field a refusal names
     */
    public static ProjectTree create(IntakeConfig limits, String source, String field) {
        try {
            Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("conclave-intake-", PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("conclave-intake-");
            return new ProjectTree(limits, source, field, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for an upload: " + e.getMessage(), e);
        }
    }

    /** What was unpacked, as a user reads it: "archive" or "repository". */
    public String source() {
        return source;
    }

    /** Where the project is unpacked: what the scanner reads. */
    public Path root() {
        return root;
    }

    /** A private place beside the project for the upload itself or a git repository. */
    public Path workDir() {
        return workDir;
    }

    /** Compressed bytes consumed so far, for the expansion ratio; without it no ratio is checked. */
    public void measureRatioAgainst(LongSupplier compressedBytesSoFar) {
        this.compressedBytes = compressedBytesSoFar;
    }

    /** Counts one entry of any kind (file, folder, link, anything skipped). */
    public void countEntry() {
        entries++;
        if (entries > limits.maxEntries()) {
            throw InvalidScanException.tooLarge(field, "%s has more than %d entries; the limit is %d (conclave.intake.max-entries)"
                    .formatted(source, limits.maxEntries(), limits.maxEntries()));
        }
    }

    /** Refuses a declared number of entries over the limit before anything is read. */
    public void expectEntries(long declared) {
        if (declared > limits.maxEntries()) {
            throw InvalidScanException.tooLarge(field, "%s has %d entries; the limit is %d (conclave.intake.max-entries)"
                    .formatted(source, declared, limits.maxEntries()));
        }
    }

    /**
     * The entry's path inside the project, or refuses it. A leading {@code ./} (as {@code tar -C dir .}
     * writes) and a folder's trailing {@code /} are dropped; the project root itself is the empty path.
     */
    public String path(String entryName) {
        String path = entryName;
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        while (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty() || path.equals(".")) {
            return "";
        }
        if (!ProjectPath.isPlainRelative(path)) {
            throw InvalidScanException.badRequest(field, "%s entry '%s' is not a plain relative path inside the project; "
                    .formatted(source, entryName) + "entries must not be absolute or contain '..', '.', '\\' or empty names");
        }
        if (ProjectPath.depth(path) > limits.maxPathDepth()) {
            throw InvalidScanException.badRequest(field, "%s entry '%s' is %d folders deep; the limit is %d (conclave.intake.max-path-depth)"
                    .formatted(source, path, ProjectPath.depth(path), limits.maxPathDepth()));
        }
        return path;
    }

    public void directory(String path) {
        if (path.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(inside(path));
        } catch (IOException e) {
            throw unextractable(path, e);
        }
    }

    /** Writes a file, counting its bytes as they come; the declared size is never trusted. */
    public void file(String path, InputStream content) {
        Path target = inside(path);
        long fileBytes = 0;
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    fileBytes += n;
                    written += n;
                    if (fileBytes > limits.maxFileBytes()) {
                        throw fileTooLarge(path);
                    }
                    checkExpansion(written);
                    out.write(buffer, 0, n);
                }
            }
            files++;
        } catch (FileAlreadyExistsException e) {
            throw InvalidScanException.badRequest(field, "%s entry '%s' appears twice; each path may appear once".formatted(source, path));
        } catch (IOException e) {
            throw unextractable(path, e);
        }
    }

    /** Refuses a file whose declared size is already over the limit, before reading it. */
    public void expectFileSize(String path, long declared) {
        if (declared > limits.maxFileBytes()) {
            throw fileTooLarge(path);
        }
    }

    /**
     * A symbolic or hard link: refused when its target leaves the project, otherwise left out.
     *
     * @param target the link's target as stored; relative to the link's folder for a symbolic link,
     *               to the project root for a tar hard link
     */
    public void link(String path, String target, boolean relativeToRoot) {
        String base = relativeToRoot || !path.contains("/") ? "" : path.substring(0, path.lastIndexOf('/'));
        if (!staysInside(base, target)) {
            throw InvalidScanException.badRequest(field, "%s entry '%s' is a link to '%s', outside the project; remove links that leave the project"
                    .formatted(source, path, target));
        }
    }

    /**
     * Total bytes that came out so far, checked against the uncompressed total and the expansion
     * ratio. Called for every file chunk, and by readers that also count bytes no file receives.
     */
    public void checkExpansion(long expanded) {
        if (expanded > limits.maxUncompressedBytes()) {
            throw InvalidScanException.tooLarge(field, "%s expands to more than %d bytes; the limit is %d (conclave.intake.max-uncompressed-bytes)"
                    .formatted(source, limits.maxUncompressedBytes(), limits.maxUncompressedBytes()));
        }
        long compressed = compressedBytes.getAsLong();
        if (compressed > 0 && expanded > RATIO_CHECKED_AFTER_BYTES && expanded / compressed > limits.maxCompressionRatio()) {
            throw InvalidScanException.tooLarge(field, ("%s expands more than %d times its compressed size (%d bytes from %d so far); "
                    + "the limit is %d (conclave.intake.max-compression-ratio)")
                    .formatted(source, limits.maxCompressionRatio(), expanded, compressed, limits.maxCompressionRatio()));
        }
    }

    public int entries() {
        return entries;
    }

    public int files() {
        return files;
    }

    public long bytesWritten() {
        return written;
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(workDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the upload folder " + workDir + ": " + e.getMessage(), e);
        }
    }

    private InvalidScanException fileTooLarge(String path) {
        return InvalidScanException.tooLarge(field, "%s entry '%s' is more than %d bytes; the limit is %d (conclave.intake.max-file-bytes)"
                .formatted(source, path, limits.maxFileBytes(), limits.maxFileBytes()));
    }

    private InvalidScanException unextractable(String path, IOException e) {
        return InvalidScanException.badRequest(field, "%s entry '%s' cannot be extracted (%s); is a file also used as a folder?"
                .formatted(source, path, e.getClass().getSimpleName()));
    }

    /** Resolves a checked path; a second guard that nothing is written outside the root. */
    private Path inside(String path) {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root)) {
            throw InvalidScanException.badRequest(field, "%s entry '%s' leaves the project".formatted(source, path));
        }
        return target;
    }

    private static boolean staysInside(String base, String target) {
        if (target.isEmpty() || target.startsWith("/") || target.startsWith("\\") || target.startsWith("~")
                || target.matches("^[A-Za-z]:.*") || target.indexOf('\0') >= 0) {
            return false;
        }
        Deque<String> at = new ArrayDeque<>();
        if (!base.isEmpty()) {
            ProjectPath.segments(base).forEach(at::addLast);
        }
        for (String segment : target.replace('\\', '/').split("/")) {
            if (segment.equals("..")) {
                if (at.isEmpty()) {
                    return false;
                }
                at.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                at.addLast(segment);
            }
        }
        return true;
    }
}
