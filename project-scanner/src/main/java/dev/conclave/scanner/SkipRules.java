package dev.conclave.scanner;

import java.util.Locale;
import java.util.Set;

/**
 * What a scan leaves out: folders of dependencies, build output and tool state (they describe
 * somebody else's code or a machine, not the project), and binary files (no lines to count and
 * nothing a model can read).
 */
final class SkipRules {

    static final Set<String> SKIPPED_DIRECTORIES = Set.of(
            ".git", "node_modules", "target", "build", "dist", "out", ".venv", "venv", "__pycache__",
            ".idea", ".gradle", "vendor", "coverage", ".next", ".conclave");

    /** Extensions that are binary often enough that reading them is wasted work. */
    static final Set<String> BINARY_EXTENSIONS = Set.of(
            // images and documents
            "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tif", "tiff", "psd", "pdf",
            // archives and packages
            "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "jar", "war", "ear", "whl", "apk", "ipa", "dmg", "iso",
            // compiled code
            "class", "so", "dll", "dylib", "exe", "bin", "o", "a", "obj", "lib", "pyc", "pyo", "wasm",
            // fonts and media
            "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "wav", "ogg", "flac", "avi", "mov", "mkv", "webm",
            // databases and model weights
            "sqlite", "db", "parquet", "pkl", "npy", "h5", "onnx", "pt", "ckpt", "safetensors");

    /** Like git, a NUL byte near the start of a file marks it as binary. */
    static final int BINARY_SNIFF_BYTES = 8 * 1024;

    static boolean isSkippedDirectory(String directoryName) {
        return SKIPPED_DIRECTORIES.contains(directoryName);
    }

    /** True when any folder on the path (not the file name itself) is a skipped one. */
    static boolean isInSkippedDirectory(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (isSkippedDirectory(segments[i])) {
                return true;
            }
        }
        return false;
    }

    static boolean hasBinaryExtension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && BINARY_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static boolean startsWithBinaryContent(byte[] bytes) {
        int end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private SkipRules() {
    }
}
