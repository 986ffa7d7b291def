package dev.conclave.gateway.intake;

import dev.conclave.gateway.config.IntakeConfig;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.model.ScanDigest;
import dev.conclave.scanner.ProjectScanner;
import dev.conclave.scanner.ScanLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The digest of an uploaded archive or of a git repository: unpack it into a private temporary
 * folder under the intake limits, scan that folder with the {@link ProjectScanner} the CLI uses,
 * and delete the folder whatever happened.
 */
@ApplicationScoped
public class ProjectIntake {
    private static final Logger LOG = Logger.getLogger(ProjectIntake.class);

    private final IntakeConfig limits;
    private final ArchiveExtractor archives;
    private final GitCheckout git;
    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    public ProjectIntake(IntakeConfig limits) {
        this.limits = limits;
        this.archives = new ArchiveExtractor(limits);
        this.git = new GitCheckout(limits);
    }

    public ScanDigest fromArchive(ArchiveExtractor.Format format, InputStream body, OptionalLong contentLength, String name) {
        contentLength.ifPresent(archives::expectCompressedSize);
        return unpackAndScan("archive", "body", name, tree -> archives.extract(format, body, tree));
    }

    /** Checks the URL first, so a refused one costs no temporary folder. */
    public ScanDigest fromGit(String url, String ref, String name) {
        git.check(url);
        return unpackAndScan("repository", "git.url", name, tree -> git.checkout(url, ref, tree));
    }

    private ScanDigest unpackAndScan(String source, String field, String name, Consumer<ProjectTree> unpack) {
        long started = System.nanoTime();
        try (ProjectTree tree = ProjectTree.create(limits, source, field)) {
            unpack.accept(tree);
            ScanDigest digest = scanner.scan(tree.root(), name);
            LOG.debugf("%s of %s: %d entries, %d bytes, scanned in %d ms", source, name, tree.entries(), tree.bytesWritten(),
                    (System.nanoTime() - started) / 1_000_000);
            return digest;
        } catch (InvalidScanException e) {
            LOG.infof("refused the %s of %s: %s", source, name, e.getMessage());
            throw e;
        }
    }
}
