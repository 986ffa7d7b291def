package dev.conclave.scanner.compress;

import dev.conclave.model.Compression;
import dev.conclave.model.FileExcerpt;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the compressor chose to quote, in budget order, and what it cost.
 *
 * @param files       kept files, README first, then manifests, entry points, configuration, source, ...
 * @param omitted     paths of candidates the budget had no room for
 * @param compression tokens of all candidates as they were, of {@code files} as quoted, and the budget
 */
public record CompressedContext(List<CompressedFile> files, List<String> omitted, Compression compression) {

    public CompressedContext {
        files = List.copyOf(files);
        omitted = List.copyOf(omitted);
    }

    public Optional<FileExcerpt> readme() {
        return files.stream().filter(file -> file.part() == ContextPart.README).findFirst().map(CompressedFile::toExcerpt);
    }

    public List<FileExcerpt> manifests() {
        return excerpts(Set.of(ContextPart.MANIFEST));
    }

    /** Entry points, configuration, source, tests, docs: the digest's {@code sources}. */
    public List<FileExcerpt> sources() {
        return files.stream().filter(file -> !file.part().alwaysKept()).map(CompressedFile::toExcerpt).toList();
    }

    public List<FileExcerpt> excerpts(Set<ContextPart> parts) {
        return files.stream().filter(file -> parts.contains(file.part())).map(CompressedFile::toExcerpt).toList();
    }
}
