package dev.conclave.cli;

import java.nio.file.Path;

/** Where a report was written, absolute, so the user can open or share it. */
public record SavedReport(Path json, Path markdown) {
}
