package dev.conclave.gateway.service;

import dev.conclave.gateway.intake.ProjectIntake;
import dev.conclave.gateway.intake.ProjectSource;
import dev.conclave.gateway.intake.ProjectTree;
import dev.conclave.model.ScanDigest;
import dev.conclave.scanner.ProjectScanner;
import dev.conclave.scanner.ScanLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Where a submitted project becomes its {@link ScanDigest}: the gateway's one {@link ProjectScanner},
 * with the limits the CLI uses. Inline files are scanned as given; an archive or a repository is
 * unpacked by {@link ProjectIntake}, scanned, and its folder deleted whatever happened. Only the
 * bounded digest leaves here, so nothing else of the project is stored or published.
 */
@ApplicationScoped
public class ProjectDigester {
    private static final Logger LOG = Logger.getLogger(ProjectDigester.class);

    private final ProjectIntake intake;
    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    public ProjectDigester(ProjectIntake intake) {
        this.intake = intake;
    }

    public ScanDigest digest(ProjectSource source, String name) {
        return switch (source) {
            case ProjectSource.InlineFiles inline -> scanner.scan(inline.files(), name);
            case ProjectSource.Archive archive -> scanTree(name, () -> intake.unpack(archive, name));
            case ProjectSource.GitRepository repository -> scanTree(name, () -> intake.checkout(repository, name));
        };
    }

    private ScanDigest scanTree(String name, Supplier<ProjectTree> unpack) {
        long started = System.nanoTime();
        try (ProjectTree tree = unpack.get()) {
            ScanDigest digest = scanner.scan(tree.root(), name);
            LOG.debugf("%s of %s: %d entries, %d bytes, scanned in %d ms", tree.source(), name, tree.entries(), tree.bytesWritten(),
                    (System.nanoTime() - started) / 1_000_000);
            return digest;
        }
    }
}
