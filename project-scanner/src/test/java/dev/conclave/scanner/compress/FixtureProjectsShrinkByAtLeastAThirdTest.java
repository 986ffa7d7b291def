package dev.conclave.scanner.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.FileExcerpt;
import dev.conclave.scanner.compress.FixtureProjects.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures compression with the real tokenizer on three fixture projects: condensing alone must save
 * at least 30 % of the tokens, and a budget of 60 % of the condensed size must be met, in both cases with
 * every manifest and every README heading still quoted and every cut marked. The numbers printed here
 * are the ones in docs/benchmarks.md.
 */
class FixtureProjectsShrinkByAtLeastAThirdTest {

    private final TokenMeter tokens = TokenMeter.cl100k();
    private final ContextCompressor compressor = new ContextCompressor(tokens);

    @Test
    void condensingAloneSavesAThirdAndKeepsEveryFile() {
        for (Fixture fixture : FixtureProjects.all()) {
            CompressedContext context = compressor.compress(fixture.files(), 0);

            assertEquals(fixture.files().size(), context.files().size(), fixture.name());
            assertKeepsStructure(fixture, context);
            assertTrue(allText(context).contains("… [collapsed: "), fixture.name() + " shows no collapse marker");
            System.out.printf("compression %-15s condense only: %5d -> %5d tokens (%.1f %% fewer), %d files%n",
                    fixture.name(), context.compression().tokensBefore(), context.compression().tokensAfter(),
                    100 * context.compression().reduction(), context.files().size());
            assertTrue(context.compression().reduction() >= 0.30,
                    fixture.name() + " saved only " + context.compression().reduction());

            // The generated data file is most of the saving; the rest must still shrink by a third on its own.
            List<CompressedFile> withoutData = context.files().stream()
                    .filter(file -> !file.content().contains("… [collapsed: ")).toList();
            long before = withoutData.stream().mapToLong(CompressedFile::tokensBefore).sum();
            long after = withoutData.stream().mapToLong(CompressedFile::tokensAfter).sum();
            System.out.printf("compression %-15s without data:  %5d -> %5d tokens (%.1f %% fewer)%n",
                    fixture.name(), before, after, 100.0 * (before - after) / before);
            for (CompressedFile file : context.files()) {
                System.out.printf("    %-55s %-13s %5d -> %5d%n", file.path(), file.part(), file.tokensBefore(), file.tokensAfter());
            }
            assertTrue(after <= 0.7 * before, fixture.name() + " without its data file saved too little");
        }
    }

    @Test
    void aTightBudgetIsMetWithManifestsAndHeadingsKeptAndCutsMarked() {
        for (Fixture fixture : FixtureProjects.all()) {
            // Condensing alone already saves most of the raw size, so only a budget under the condensed size cuts.
            int budget = (int) (compressor.compress(fixture.files(), 0).compression().tokensAfter() * 0.6);

            CompressedContext context = compressor.compress(fixture.files(), budget);

            assertKeepsStructure(fixture, context);
            assertTrue(context.compression().tokensAfter() <= budget,
                    fixture.name() + " took " + context.compression().tokensAfter() + " of " + budget);
            boolean marked = allText(context).contains("… [truncated: ") || !context.omitted().isEmpty();
            assertTrue(marked, fixture.name() + " fitted without cutting; the budget is not tight");
            for (CompressedFile file : context.files()) {
                if (file.truncated()) {
                    assertTrue(file.content().contains("… [truncated: "), file.path() + " cut without a marker");
                }
            }
            System.out.printf("compression %-15s budget %5d: %5d -> %5d tokens (%.1f %% fewer), %d files kept, omitted %s%n",
                    fixture.name(), budget, context.compression().tokensBefore(), context.compression().tokensAfter(),
                    100 * context.compression().reduction(), context.files().size(), context.omitted());
        }
    }

    @Test
    void aBudgetSmallerThanTheReadmeKeepsEveryHeading() {
        Fixture fixture = FixtureProjects.all().get(0);

        CompressedContext context = compressor.compress(fixture.files(), 200);

        String readme = context.readme().orElseThrow().content();
        fixture.readmeHeadings().forEach(heading -> assertTrue(readme.contains(heading), heading + " lost:\n" + readme));
        assertTrue(readme.contains("… [truncated: "));
        assertEquals(List.of("pyproject.toml", "requirements.txt"), context.manifests().stream().map(FileExcerpt::path).toList());
    }

    private static void assertKeepsStructure(Fixture fixture, CompressedContext context) {
        String readme = context.readme().orElseThrow().content();
        for (String heading : fixture.readmeHeadings()) {
            assertTrue(readme.contains(heading), fixture.name() + " README lost " + heading + ":\n" + readme);
        }
        long manifests = fixture.files().stream().filter(file -> file.part() == ContextPart.MANIFEST).count();
        assertEquals(manifests, context.manifests().size(), fixture.name() + " lost a manifest");
        String manifestText = String.join("\n", context.manifests().stream().map(FileExcerpt::content).toList());
        for (String fact : fixture.manifestFacts()) {
            assertTrue(manifestText.contains(fact), fixture.name() + " manifests lost " + fact + ":\n" + manifestText);
        }
    }

    private static String allText(CompressedContext context) {
        return String.join("\n", context.files().stream().map(CompressedFile::content).toList());
    }
}
