package dev.conclave.gateway.intake;

import dev.conclave.gateway.config.IntakeConfig;
import dev.conclave.gateway.service.InvalidScanException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Fetches one ref of a git repository, shallowly (depth 1), into a bare repository in the
 * upload's private folder, then writes its tree into the {@link ProjectTree} itself rather than
 * letting git check it out: so the same limits apply as to an archive, links are never created,
 * and submodules (left out) are never fetched.
 */
public final class GitCheckout {
    private static final String TARGET = "refs/conclave/target";
    private static final int MAX_LINK_TARGET_BYTES = 4096;

    private final IntakeConfig limits;
    private final GitUrlPolicy policy;

    public GitCheckout(IntakeConfig limits) {
        this.limits = limits;
        this.policy = new GitUrlPolicy(limits.git());
    }

    /** Refuses a URL or ref without touching the network; for a request that must fail fast. */
    public URI check(String url) {
        return policy.check(url);
    }

    /** @param ref a branch or tag name, a full ref ({@code refs/...}), or blank for the default branch */
    public void checkout(String url, String ref, ProjectTree tree) {
        URI uri = policy.check(url);
        List<String> candidates = candidates(ref);
        Instant deadline = Instant.now().plus(limits.git().timeout());
        String timeoutSetting = limits.git().timeout().toSeconds() + " s (conclave.intake.git.timeout)";
        try (Git git = Git.init().setBare(true).setDirectory(tree.workDir().resolve("repository.git").toFile()).call()) {
            for (String candidate : candidates) {
                GuardedHttpConnections connections = new GuardedHttpConnections(policy, limits.maxArchiveBytes(), deadline, timeoutSetting);
                try {
                    git.fetch().setRemote(uri.toString())
                            .setRefSpecs(new RefSpec("+" + candidate + ":" + TARGET))
                            .setDepth(1)
                            .setTagOpt(TagOpt.NO_TAGS)
                            .setTimeout((int) Math.max(1, limits.git().timeout().toSeconds()))
                            .setProgressMonitor(new Deadline(deadline))
                            .setTransportConfigCallback(transport -> {
                                if (transport instanceof TransportHttp http) {
                                    http.setHttpConnectionFactory(connections);
                                }
                            })
                            .call();
                    break;
                } catch (GitAPIException | RuntimeException e) {
                    if (connections.refusal() != null) {
                        throw connections.refusal();
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw InvalidScanException.badRequest("git.url", "fetching " + url + " took longer than " + timeoutSetting);
                    }
                    if (!String.valueOf(e.getMessage()).contains("does not have")) {
                        throw InvalidScanException.badRequest("git.url", "cannot fetch %s: %s; is it a public repository?"
                                .formatted(url, rootCause(e)));
                    }
                }
            }
            write(git.getRepository(), url, ref, tree);
        } catch (GitAPIException | IOException e) {
            throw InvalidScanException.badRequest("git.url", "cannot read the repository fetched from %s: %s".formatted(url, rootCause(e)));
        }
    }

    private static List<String> candidates(String ref) {
        if (ref == null || ref.isBlank()) {
            return List.of(Constants.HEAD);
        }
        String name = ref.trim();
        boolean plain = name.matches("[A-Za-z0-9._/-]+") && !name.startsWith("-") && !name.contains("..");
        if (!plain || !Repository.isValidRefName(name.startsWith("refs/") ? name : "refs/heads/" + name)) {
            throw InvalidScanException.badRequest("git.ref", "git.ref '%s' is not a branch, tag or ref name; e.g. \"main\" or \"v1.2.0\"".formatted(ref));
        }
        return name.startsWith("refs/") || name.equals(Constants.HEAD) ? List.of(name)
                : List.of(Constants.R_HEADS + name, Constants.R_TAGS + name);
    }

    private void write(Repository repository, String url, String ref, ProjectTree tree) throws IOException {
        ObjectId target = repository.resolve(TARGET);
        if (target == null) {
            throw InvalidScanException.badRequest("git.ref", "%s has no branch or tag '%s'".formatted(url, ref));
        }
        try (RevWalk commits = new RevWalk(repository); TreeWalk walk = new TreeWalk(repository)) {
            RevCommit commit = commits.parseCommit(target);
            walk.addTree(commit.getTree());
            walk.setRecursive(false);
            while (walk.next()) {
                tree.countEntry();
                String path = tree.path(walk.getPathString());
                FileMode mode = walk.getFileMode(0);
                if (walk.isSubtree()) {
                    tree.directory(path);
                    walk.enterSubtree();
                } else if (mode == FileMode.SYMLINK) {
                    ObjectLoader link = repository.open(walk.getObjectId(0), Constants.OBJ_BLOB);
                    if (link.getSize() > MAX_LINK_TARGET_BYTES) {
                        throw InvalidScanException.badRequest("git.url", "repository entry '%s' is a link with a %d-byte target".formatted(path, link.getSize()));
                    }
                    tree.link(path, new String(link.getBytes(), StandardCharsets.UTF_8), false);
                } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    ObjectLoader file = repository.open(walk.getObjectId(0), Constants.OBJ_BLOB);
                    tree.expectFileSize(path, file.getSize());
                    try (InputStream content = file.openStream()) {
                        tree.file(path, content);
                    }
                }
                // A submodule (gitlink) points into another repository, which is not fetched.
            }
        }
        if (tree.files() == 0) {
            throw InvalidScanException.badRequest("git.ref", "%s has no files at '%s'".formatted(url, ref == null ? "HEAD" : ref));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Cancels a fetch past its deadline between objects, for transports the connections do not see (file). */
    private record Deadline(Instant at) implements ProgressMonitor {
        @Override
        public void start(int totalTasks) {
        }

        @Override
        public void beginTask(String title, int totalWork) {
        }

        @Override
        public void update(int completed) {
        }

        @Override
        public void endTask() {
        }

        @Override
        public boolean isCancelled() {
            return Instant.now().isAfter(at);
        }

        @Override
        public void showDuration(boolean enabled) {
        }
    }
}
