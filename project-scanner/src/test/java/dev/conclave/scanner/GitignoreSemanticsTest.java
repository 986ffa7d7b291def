package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * gitignore(5) semantics on their own, one pattern file at a time: each row is the ignore file's lines
 * (separated by ';'), a path, whether the path is a folder, and whether git would ignore it.
 * Every row of {@code matchesLikeGit} gives the answer {@code git check-ignore --no-index} gives.
 */
class GitignoreSemanticsTest {

    private static boolean ignored(String lines, String path, boolean directory) {
        IgnoreRules rules = IgnoreRules.NONE.enter("", List.of(lines.replace(';', '\n')));
        return rules.isIgnored(path, directory);
    }

    @ParameterizedTest(name = "[{0}] {1} (folder {2}) ignored: {3}")
    @CsvSource(delimiter = '|', value = {
        // a name without a slash matches at any depth
        "*.log                 | app.log               | false | true",
        "*.log                 | logs/deep/app.log     | false | true",
        "*.log                 | app.log.txt           | false | false",
        "secret.txt            | a/b/secret.txt        | false | true",
        // '*' and '?' never cross a folder separator
        "src/*.js              | src/a.js              | false | true",
        "src/*.js              | src/lib/a.js          | false | false",
        "file?.txt             | file1.txt             | false | true",
        "file?.txt             | file10.txt            | false | false",
        // character classes, negated ones too
        "file[0-9].txt         | file7.txt             | false | true",
        "file[0-9].txt         | filex.txt             | false | false",
        "file[!0-9].txt        | filex.txt             | false | true",
        // a leading slash anchors to the ignore file's folder
        "/todo.txt             | todo.txt              | false | true",
        "/todo.txt             | notes/todo.txt        | false | false",
        // a slash in the middle anchors too
        "doc/frotz             | doc/frotz             | false | true",
        "doc/frotz             | a/doc/frotz           | false | false",
        // a trailing slash matches folders only
        "out/                  | out                   | true  | true",
        "out/                  | out                   | false | false",
        "out/                  | src/out               | true  | true",
        // '**'
        "**/foo                | foo                   | false | true",
        "**/foo                | a/b/foo               | false | true",
        "**/foo/bar            | x/foo/bar             | false | true",
        "abc/**                | abc/x/y               | false | true",
        // "abc/**" ignores what is inside, not the folder, so a negation can still re-include a file
        "abc/**;!abc/keep      | abc/keep              | false | false",
        "a/**/b                | a/b                   | false | true",
        "a/**/b                | a/x/y/b               | false | true",
        "a/**/b                | b/a/b                 | false | false",
        // negation: the last matching line wins
        "*.log;!keep.log       | keep.log              | false | false",
        "*.log;!keep.log       | other.log             | false | true",
        "!keep.log;*.log       | keep.log              | false | true",
        // comments, blank lines, escapes, trailing spaces
        "# a comment;;*.tmp    | x.tmp                 | false | true",
        "# a comment           | # a comment           | false | false",
        "\\#hash               | #hash                 | false | true",
        "\\!bang               | !bang                 | false | true",
        "*.tmp                 | x.tmp                 | false | true",
    })
    void matchesLikeGit(String lines, String path, boolean directory, boolean expected) {
        assertEquals(expected, ignored(lines.strip(), path, directory));
    }

    @ParameterizedTest(name = "nested [{1}] in {0} decides {2}: ignored {3}")
    @CsvSource(delimiter = '|', value = {
        // the deeper file overrides the root one
        "sub | !*.log      | sub/app.log  | false",
        "sub | !*.log      | app.log      | true",
        // a nested file's patterns are relative to its own folder
        "sub | /gen.py     | sub/gen.py   | true",
        "sub | /gen.py     | sub/x/gen.py | false",
        "sub | /gen.py     | gen.py       | false",
    })
    void nestedIgnoreFilesApplyBelowTheirFolderAndOverrideOuterOnes(String folder, String nested, String path,
            boolean expected) {
        IgnoreRules rules = IgnoreRules.NONE.enter("", List.of("*.log\n")).enter(folder, List.of(nested + "\n"));

        assertEquals(expected, rules.isIgnored(path, false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "*.log             | app.log | true",
        "*.log;!app.log    | app.log | false",
    })
    void conclaveignoreIsReadAfterGitignoreInTheSameFolder(String conclaveLines, String path, boolean expected) {
        IgnoreRules rules = IgnoreRules.NONE.enter("", List.of("debug/\n", conclaveLines.strip().replace(';', '\n')));

        assertEquals(expected, rules.isIgnored(path, false));
    }
}
