package dev.conclave.scanner.redact;

import dev.conclave.model.SecretClass;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides how a redacted value is reported. Redaction is conservative (anything secret-shaped is
 * hidden from the models); reporting is precise: a value is called a committed secret only when
 * nothing about it or its place says otherwise. The checks run from the most to the least certain:
 * what the value is (a template variable, a vendor's documented example, a placeholder), then where
 * it is (tests and fixtures, documentation and examples). docs/decisions.md lists them.
 *
 * <p>Stateless; the reasons never quote the value.
 */
final class SecretClassifier {

    record Verdict(SecretClass secretClass, String reason) {
    }

    /**
     * {PASSWORD}, ${TOKEN} (or its opening, when the value was cut at a space), $(cat key), %(password)s, {{ .token }} anywhere in the value; a whole value that is
     * $TOKEN, <password>, %s or Maven's @token@. A reference to a value, not one.
     */
    private static final Pattern TEMPLATE = Pattern.compile(
            ".*(?:\\{[A-Za-z_][\\w.\\s-]*}|\\$\\{|\\$\\([^)]*\\)|%\\(\\w+\\)s|\\{\\{.*}}).*"
                    + "|\\$[A-Za-z_]\\w*|<[^<>]+>|%s|@[\\w.-]+@", Pattern.DOTALL);

    /** Vendors' documented example credentials (AWS's ...EXAMPLE keys, jwt.io's sample token). */
    private static final Pattern DOCUMENTED_EXAMPLE = Pattern.compile(
            ".*EXAMPLE(?:KEY)?$|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\\.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.*");

    /** Words that only placeholders contain. */
    private static final Pattern PLACEHOLDER_WORD = Pattern.compile(
            "(?i).*(?:example|sample|dummy|fake|placeholder|change[-_]?me|change[-_]?this|changeit|replace[-_]?me|your[-_]|redacted"
                    + "|xxxx|notasecret|not[-_]a[-_]secret|do[-_]?not[-_]?use).*");

    /** A generated credential almost never repeats one character eight times; a filled-in template does. */
    private static final Pattern REPEATED_RUN = Pattern.compile("(.)\\1{7}");

    private static final Pattern VERSION = Pattern.compile("[~^<>=v]*\\d+(?:\\.\\d+)+(?:[-+.][\\w.]+)?");

    /**
     * A single lower-case word ({@code petclinic}, {@code postgres}, {@code secretpassword}): what compose files
     * and local configurations use as defaults. A generated credential mixes cases, digits or symbols.
     */
    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]{5,12}");

    /** Values people type when a value is needed and none is secret, compared lower-case without punctuation. */
    private static final Set<String> DICTIONARY = Set.of("pass", "passwd", "password", "password1", "password123",
            "secret", "secrets", "mysecret", "supersecret", "topsecret", "token", "mytoken", "key", "apikey", "mykey",
            "test", "testing", "tests", "foo", "bar", "baz", "qux", "foobar", "user", "username", "admin", "root",
            "guest", "demo", "default", "hunter2", "letmein", "qwerty", "abc", "abcd", "abc123", "abcdef", "123456",
            "1234567", "12345678", "123456789", "1234567890", "s3cret", "s3cr3t", "secret123", "pa55word", "p4ssw0rd",
            "passw0rd", "mypassword", "mypass", "value", "string", "private", "hidden", "none", "null", "todo", "tbd",
            "something", "anything", "whatever", "bogus", "invalid", "wrong", "badpassword", "wrongpassword", "hello",
            "helloworld", "world", "postgres", "mysql", "sa", "app", "pwd", "example", "sample", "dummy", "fake",
            "mock", "stub", "xyz", "asdf", "asdfgh");

    private static final Set<String> TEST_DIRECTORIES = Set.of("test", "tests", "testing", "__tests__", "spec", "specs",
            "testdata", "test-data", "test_data", "fixtures", "fixture", "__fixtures__", "__mocks__", "mocks",
            "testutils", "test-utils", "e2e", "integration-tests", "integration_tests");

    private static final Pattern TEST_FILE = Pattern.compile(
            "test_.*|.*_test\\.[a-z]+|.*\\.(?:test|spec)\\.[a-z]+|.*Tests?\\.[a-z]+|.*IT\\.(?:java|kt)|conftest\\.py"
                    + "|.*_spec\\.rb|.*Spec\\.(?:scala|groovy|kt)");

    /** Folders of documentation and examples at any depth; their singular forms only at the top. */
    private static final Set<String> DOCUMENTATION_DIRECTORIES = Set.of("docs", "documentation", "examples", "samples",
            "demos", "tutorials", "guides");

    /**
     * The same only as a project's top folder: deeper, {@code example} and {@code sample} are mostly package
     * names ({@code com/example/billing}), not examples.
     */
    private static final Set<String> TOP_DOCUMENTATION_DIRECTORIES = Set.of("doc", "example", "sample", "demo",
            "tutorial", "site");

    private static final Set<String> DOCUMENTATION_EXTENSIONS = Set.of("md", "markdown", "rst", "adoc", "asciidoc",
            "txt", "ipynb", "html", "htm", "tex", "org", "textile", "pod");

    /** Text files that are configuration, never documentation, whatever their extension says. */
    private static final Pattern NOT_DOCUMENTATION = Pattern.compile("requirements.*\\.txt|constraints.*\\.txt|.*\\.env\\.txt");

    /**
     * The inline markers other scanners honour (detect-secrets' {@code pragma: allowlist secret}, gitleaks'
     * {@code gitleaks:allow}): someone has already looked at this line and said it holds no secret.
     */
    private static final Pattern ALLOWED_ON_ITS_LINE = Pattern.compile("(?i).*(?:pragma:\\s*allowlist[ -]secret|gitleaks:allow).*");

    /**
     * A name that ends in {@code id} as a word ({@code id}, {@code foreign_key_id}, {@code userId}, {@code CLIENT_ID})
     * followed by its assignment: an identifier, which is random-looking without being a credential.
     */
    private static final Pattern IDENTIFIER_NAME = Pattern.compile(
            "(?:.*[^A-Za-z0-9])?(?:[A-Za-z0-9]*[_.-](?i:id)|(?i:id)|[a-z0-9]+Id)[\"']?\\s*(?:=|:|=>|:=)\\s*[\"'`]?");

    /**
     * @param before the text of the value's line before it: a value inside an open {@code ${...}} is the
     *               reference's default or error message, not a value of its own
     * @param after  the rest of the value's line, where an inline allow marker may stand
     */
    Verdict classify(String path, String rule, String value, String before, String after) {
        String stripped = value.strip();
        if (ALLOWED_ON_ITS_LINE.matcher(before).matches() || ALLOWED_ON_ITS_LINE.matcher(after).matches()) {
            return new Verdict(SecretClass.MARKED_FALSE_POSITIVE, "marked as no secret on its line (pragma: allowlist secret, gitleaks:allow)");
        }
        if (rule.equals("high_entropy_string") && IDENTIFIER_NAME.matcher(before).matches()) {
            return new Verdict(SecretClass.EXAMPLE, "assigned to an identifier (a name ending in id), not a credential");
        }
        if (before.lastIndexOf("${") > before.lastIndexOf('}')) {
            return new Verdict(SecretClass.EXAMPLE, "inside a ${...} reference, not a value");
        }
        if (TEMPLATE.matcher(stripped).matches()) {
            return new Verdict(SecretClass.EXAMPLE, "a template variable, not a value");
        }
        if (DOCUMENTED_EXAMPLE.matcher(stripped).matches()) {
            return new Verdict(SecretClass.EXAMPLE, "a vendor's documented example credential");
        }
        String placeholder = placeholderReason(stripped);
        if (placeholder != null) {
            return new Verdict(SecretClass.EXAMPLE, placeholder);
        }
        if (rule.equals("stripe_key") && stripped.contains("_test_")) {
            return new Verdict(SecretClass.TEST_FIXTURE, "a Stripe test-mode key");
        }
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        for (int i = 0; i < segments.length - 1; i++) {
            String directory = segments[i].toLowerCase(Locale.ROOT);
            if (TEST_DIRECTORIES.contains(directory)) {
                return new Verdict(SecretClass.TEST_FIXTURE, "under a test folder (" + segments[i] + "/)");
            }
        }
        if (TEST_FILE.matcher(name).matches()) {
            return new Verdict(SecretClass.TEST_FIXTURE, "in a test file");
        }
        for (int i = 0; i < segments.length - 1; i++) {
            String directory = segments[i].toLowerCase(Locale.ROOT);
            if (DOCUMENTATION_DIRECTORIES.contains(directory) || i == 0 && TOP_DOCUMENTATION_DIRECTORIES.contains(directory)) {
                return new Verdict(SecretClass.EXAMPLE, "under a documentation or example folder (" + segments[i] + "/)");
            }
        }
        String lowerName = name.toLowerCase(Locale.ROOT);
        int dot = lowerName.lastIndexOf('.');
        String extension = dot > 0 ? lowerName.substring(dot + 1) : "";
        if (lowerName.startsWith("readme") || DOCUMENTATION_EXTENSIONS.contains(extension)
                && !NOT_DOCUMENTATION.matcher(lowerName).matches()) {
            return new Verdict(SecretClass.EXAMPLE, "in a documentation file");
        }
        return new Verdict(SecretClass.LIKELY_REAL, "in application code or configuration, not a recognisable placeholder");
    }

    /** Why a value is a placeholder, or null when it could be a credential. */
    private static String placeholderReason(String value) {
        String unquoted = value.replaceAll("^[\"'`]+|[\"'`]+$", "");
        if (unquoted.length() <= 4) {
            return "too short to be a credential (4 characters or fewer)";
        }
        String letters = unquoted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (DICTIONARY.contains(letters)) {
            return "a dictionary word or common test value";
        }
        if (PLACEHOLDER_WORD.matcher(unquoted).matches()) {
            return "a placeholder (says example, dummy, changeme, XXXX, ...)";
        }
        if (VERSION.matcher(unquoted).matches()) {
            return "a version number";
        }
        if (PLAIN_WORD.matcher(unquoted).matches()) {
            return "a plain lower-case word: a development default, not a generated credential";
        }
        if (unquoted.chars().distinct().count() <= 3) {
            return "repeats three characters or fewer";
        }
        if (REPEATED_RUN.matcher(unquoted).find()) {
            return "holds one character eight times in a row, like a filled-in template (AIzaaaaaaaa...)";
        }
        if (letters.contains("abcdefgh") || letters.contains("12345678") || letters.contains("qwertyui")) {
            return "a keyboard or alphabet run";
        }
        return null;
    }
}
