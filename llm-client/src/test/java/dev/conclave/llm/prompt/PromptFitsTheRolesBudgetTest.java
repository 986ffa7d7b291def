package dev.conclave.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.support.OneSetting;
import dev.conclave.llm.support.SampleDigests;
import dev.conclave.model.FileExcerpt;
import dev.conclave.model.ScanDigest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each role's prompt fits its token budget: quoted source files go first, then the file tree, and the
 * README and facts stay; only a digest that still does not fit is cut, visibly.
 */
@QuarkusTest
@TestProfile(PromptFitsTheRolesBudgetTest.SmallBudget.class)
class PromptFitsTheRolesBudgetTest {

    /** The business role gets 1 500 tokens; the architect keeps the default. */
    public static class SmallBudget extends OneSetting {
        public SmallBudget() {
            super("conclave.llm.roles.business.prompt-token-budget", "1500");
        }
    }

    @Inject
    PromptLibrary prompts;

    private static ScanDigest withManySources() {
        ScanDigest base = SampleDigests.greeter();
        List<FileExcerpt> sources = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sources.add(new FileExcerpt("app/module" + i + ".py",
                    ("def handler_" + i + "(request):\n    return respond(request, status=200)\n").repeat(12), false));
        }
        return new ScanDigest(base.projectName(), base.fileCount(), base.totalBytes(), base.languages(), base.tree(),
                base.treeTruncated(), base.readme(), base.manifests(), base.facts(), base.scores(), sources,
                base.redactions(), base.compression());
    }

    @Test
    void smallBudgetDropsSourcesButKeepsTheReadme() {
        AnalysisTask task = AnalysisTask.specialist(UUID.randomUUID(), 1, "business", withManySources(), false);

        RenderedPrompt prompt = prompts.render(task);

        assertTrue(prompt.tokens() <= 1_500, "prompt of " + prompt.tokens() + " tokens");
        assertTrue(prompt.user().contains("Greets people by name over HTTP."), "the README stays");
        assertTrue(prompt.user().contains("app/module0.py"), "the first (most important) sources stay");
        assertFalse(prompt.user().contains("app/module11.py"), "the last sources went first");
        assertFalse(prompt.user().contains("digest cut here"), "dropping files was enough; nothing was cut");
    }

    @Test
    void defaultBudgetKeepsEverySource() {
        AnalysisTask task = AnalysisTask.specialist(UUID.randomUUID(), 1, "architect", withManySources(), false);

        RenderedPrompt prompt = prompts.render(task);

        assertTrue(prompt.user().contains("app/module11.py"), "all 12 sources fit 12 000 tokens");
    }
}
