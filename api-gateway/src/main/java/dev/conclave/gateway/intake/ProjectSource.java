package dev.conclave.gateway.intake;

import dev.conclave.scanner.ProjectFile;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * The project a submission sends, checked for shape but not yet read: its files inline in the JSON
 * body, an archive body, or a git repository to fetch. Only an archive or a repository needs a
 * {@link ProjectTree} on disk ({@link ProjectIntake}); inline files are scanned as they are.
 */
public sealed interface ProjectSource {

    /** Files given in the body, each path already checked against the intake limits. */
    record InlineFiles(List<ProjectFile> files) implements ProjectSource {
        public InlineFiles {
            files = List.copyOf(files);
        }
    }

    /** A {@code .zip} or {@code .tar.gz} body, still unread. */
    record Archive(ArchiveExtractor.Format format, InputStream body, OptionalLong contentLength) implements ProjectSource {
    }

    /** A repository fetched shallowly; a {@code null} ref is the default branch. */
    record GitRepository(String url, String ref) implements ProjectSource {
    }
}
