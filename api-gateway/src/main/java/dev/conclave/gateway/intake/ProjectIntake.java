package dev.conclave.gateway.intake;

import dev.conclave.gateway.config.IntakeConfig;
import dev.conclave.gateway.service.InvalidScanException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Unpacks an uploaded archive or checks out a git repository into a private temporary
 * {@link ProjectTree} under the intake limits. The caller scans the tree and closes it, which
 * deletes the folder; a refused upload's tree is deleted here.
 */
@ApplicationScoped
public class ProjectIntake {
    private static final Logger LOG = Logger.getLogger(ProjectIntake.class);

    private final IntakeConfig limits;
    private final ArchiveExtractor archives;
    private final GitCheckout git;

    public ProjectIntake(IntakeConfig limits) {
        this.limits = limits;
        this.archives = new ArchiveExtractor(limits);
        this.git = new GitCheckout(limits);
    }

    /** Checks a declared size first, so an archive already too large costs no temporary folder. */
    public ProjectTree unpack(ProjectSource.Archive archive, String name) {
        archive.contentLength().ifPresent(archives::expectCompressedSize);
        return fill("archive", "body", name, tree -> archives.extract(archive.format(), archive.body(), tree));
    }

    /** Checks the URL first, so a refused one costs no temporary folder. */
    public ProjectTree checkout(ProjectSource.GitRepository repository, String name) {
        git.check(repository.url());
        return fill("repository", "git.url", name, tree -> git.checkout(repository.url(), repository.ref(), tree));
    }

    private ProjectTree fill(String source, String field, String name, Consumer<ProjectTree> unpack) {
        ProjectTree tree = ProjectTree.create(limits, source, field);
        try {
            unpack.accept(tree);
            return tree;
        } catch (RuntimeException | Error e) {
            try {
                tree.close();
            } catch (RuntimeException deleting) {
                e.addSuppressed(deleting);
            }
            if (e instanceof InvalidScanException) {
                LOG.infof("refused the %s of %s: %s", source, name, e.getMessage());
            }
            throw e;
        }
    }
}
