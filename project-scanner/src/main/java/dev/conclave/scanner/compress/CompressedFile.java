package dev.conclave.scanner.compress;

import dev.conclave.model.FileExcerpt;

/**
 * One file as the digest quotes it.
 *
 * @param content      stripped, collapsed and perhaps truncated; every cut is marked in the text
 * @param truncated    true when lines were cut to fit the budget (not for stripping or collapsing)
 * @param tokensBefore the file as it was
 * @param tokensAfter  {@code content}
 */
public record CompressedFile(String path, ContextPart part, String content, boolean truncated, int tokensBefore,
        int tokensAfter) {

    public FileExcerpt toExcerpt() {
        return new FileExcerpt(path, content, truncated);
    }
}
