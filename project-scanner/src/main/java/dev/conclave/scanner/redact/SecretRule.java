package dev.conclave.scanner.redact;

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
 */
record SecretRule(String type, Pattern pattern, Set<FileKind> kinds, Predicate<String> accepted) {

    static final Set<FileKind> EVERY_FILE = Set.of(FileKind.values());

    boolean hasSecretGroup() {
        return pattern.namedGroups().containsKey("secret");
    }

    static SecretRule of(String type, String regex) {
        return new SecretRule(type, Pattern.compile(regex), EVERY_FILE, value -> true);
    }
}
