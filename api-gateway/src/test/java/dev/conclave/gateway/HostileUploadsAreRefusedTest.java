package dev.conclave.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hostile archive or repository gets a 4xx naming the rule or limit (the test profile's small
 * limits), nothing is stored or published, and the gateway stays ready.
 */
@QuarkusTest
class HostileUploadsAreRefusedTest {
    private static final String NAME = "hostile-" + System.nanoTime();


    @TempDir
    Path repository;

    static Stream<Arguments> hostileArchives() {
        TestArchives tooMany = TestArchives.project().files("many", 61, "x");
        TestArchives tooMuch = TestArchives.project().files("big", 55, "y".repeat(1900));
        byte[] noise = new byte[250_000];
        new Random(7).nextBytes(noise);
        return Stream.of(
                Arguments.of("zip-slip", "application/zip", TestArchives.project().file("../../evil.sh", "rm -rf /").zip(),
                        400, "not a plain relative path"),
                Arguments.of("tar-slip", "application/gzip", TestArchives.project().file("a/../../evil.sh", "x").tarGz(),
                        400, "not a plain relative path"),
                Arguments.of("absolute path, zip", "application/zip", TestArchives.project().file("/tmp/evil", "x").zip(),
                        400, "not a plain relative path"),
                Arguments.of("absolute path, tar", "application/gzip", TestArchives.project().file("/etc/cron.d/evil", "x").tarGz(),
                        400, "not a plain relative path"),
                Arguments.of("zip symlink out of the tree", "application/zip", TestArchives.project().symlink("docs/passwd", "../../etc/passwd").zip(),
                        400, "a link to '../../etc/passwd', outside the project"),
                Arguments.of("tar symlink to an absolute path", "application/gzip", TestArchives.project().symlink("home", "/root").tarGz(),
                        400, "a link to '/root', outside the project"),
                Arguments.of("tar hard link out of the tree", "application/gzip", TestArchives.project().hardLink("shadow", "../etc/shadow").tarGz(),
                        400, "outside the project"),
                Arguments.of("too many entries", "application/zip", tooMany.zip(),
                        413, "has 64 entries; the limit is 60 (conclave.intake.max-entries)"),
                Arguments.of("too many tar entries", "application/gzip", tooMany.tarGz(),
                        413, "has more than 60 entries; the limit is 60 (conclave.intake.max-entries)"),
                Arguments.of("compressed size", "application/zip", TestArchives.project().file("noise.bin", noise).zip(Deflater.NO_COMPRESSION),
                        413, "the limit is 200000 (conclave.intake.max-archive-bytes)"),
                Arguments.of("single file size", "application/zip", TestArchives.project().file("big.txt", "z".repeat(3000)).zip(),
                        413, "archive entry 'big.txt' is more than 2000 bytes; the limit is 2000 (conclave.intake.max-file-bytes)"),
                Arguments.of("single file size, tar", "application/gzip", TestArchives.project().file("big.txt", "z".repeat(3000)).tarGz(),
                        413, "the limit is 2000 (conclave.intake.max-file-bytes)"),
                Arguments.of("uncompressed total", "application/zip", tooMuch.zip(),
                        413, "the limit is 100000 (conclave.intake.max-uncompressed-bytes)"),
                Arguments.of("too deep", "application/zip", TestArchives.project().file("a/b/c/d/e/f/g/h/i/deep.txt", "x").zip(),
                        400, "is 9 folders deep; the limit is 8 (conclave.intake.max-path-depth)"),
                Arguments.of("zip bomb (100 MB of zeros)", "application/zip", TestArchives.zerosZip("zeros.txt", 100L * 1024 * 1024),
                        413, "(conclave.intake.max-file-bytes)"),
                Arguments.of("not an archive", "application/zip", "just text".getBytes(),
                        400, "not a readable zip archive"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileArchives")
    void hostileArchiveIsRefusedAndLeavesNoTrace(String what, String contentType, byte[] archive, int status, String message) {
        UploadOutcome.refusedWithoutTrace(NAME,
                given().contentType(contentType).queryParam("name", NAME).body(archive), status, "body", message);
    }

    @Test
    void repositoryWithALinkOutOfTheTreeIsRefused() throws Exception {
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repository.resolve("README.md"), "# Linked\n");
            Files.createSymbolicLink(repository.resolve("secrets"), Path.of("../../../etc"));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("link").setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
        }
        UploadOutcome.refusedWithoutTrace(NAME, given().contentType("application/json")
                .body("{\"name\": \"%s\", \"git\": {\"url\": \"%s\"}}".formatted(NAME, repository.toUri())),
                400, "git.url", "repository entry 'secrets' is a link to '../../../etc', outside the project");
    }
}
