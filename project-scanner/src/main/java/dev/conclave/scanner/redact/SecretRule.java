package dev.conclave.scanner.redact;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One secret format. The pattern's named group {@code secret}, when it has one, is the part replaced;
 * the rest of the match (a variable name, a URL's user and host) stays so the reader keeps the context.
 *
 * @param type     the placeholder's type, e.g. {@code aws_access_key}
 * @param pattern  where the secret is
 * @param kinds    the kinds of file the rule applies to
 * @param accepted a final say on the value, for rules whose pattern alone would catch references
 *                 such as {@code ${DB_PASSWORD}} or ordinary identifiers
 * @param mayMatch a cheap test on the lower-cased text that every text with a match passes; a text that
 *                 fails it is skipped without running the pattern
 */
record SecretRule(String type, Pattern pattern, Set<FileKind> kinds, Predicate<String> accepted,
        Predicate<String> mayMatch) {

    static final Set<FileKind> EVERY_FILE = Set.of(FileKind.values());

    SecretRule(String type, Pattern pattern, Set<FileKind> kinds, Predicate<String> accepted) {
        this(type, pattern, kinds, accepted, text -> true);
    }

    /**
     * The same rule, run only on texts that contain one of {@code hints} (lower-case). A scan reads
     * thousands of files and nearly none holds a secret; a substring search is ten to a hundred times
     * cheaper than a regex that finds nothing.
     */
    SecretRule hinted(String... hints) {
        List<String> all = List.of(hints);
        return new SecretRule(type, pattern, kinds, accepted, lower -> all.stream().anyMatch(lower::contains));
    }

    /** The same rule, run only on texts that pass {@code test} (given the lower-cased text). */
    SecretRule onlyWhere(Predicate<String> test) {
        return new SecretRule(type, pattern, kinds, accepted, test);
    }

    boolean hasSecretGroup() {
        return pattern.namedGroups().containsKey("secret");
    }

    static SecretRule of(String type, String regex) {
        return new SecretRule(type, Pattern.compile(regex), EVERY_FILE, value -> true);
    }
}
