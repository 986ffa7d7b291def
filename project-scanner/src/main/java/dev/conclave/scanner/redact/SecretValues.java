package dev.conclave.scanner.redact;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Judgements on a candidate value that the patterns alone cannot make. */
final class SecretValues {

    /**
     * Values that point at a secret instead of holding one: {@code ${DB_PASSWORD}}, {@code $TOKEN},
     * {@code {{ .Values.token }}}, {@code <your-key>}, Maven's {@code @token@}, Ruby's {@code #{...}}, a
     * placeholder we already wrote. Redacting them would hide how the project is configured and protect
     * nothing; a default inside a reference ({@code ${PASSWORD:s3cret}}) is accepted as a known gap.
     */
    private static final Pattern REFERENCE = Pattern.compile("\\$.*|\\{\\{.*|<.*>|@[\\w.-]+@|#\\{.*|%\\(.*|!.*");

    /** Template dummies ({@code your-api-key-here}, {@code xxxxxx}, {@code ****}) that every .env.example has. */
    private static final Pattern DUMMY = Pattern.compile(
            "(?i)(?:your|enter|insert|replace|put)[-_ ].*|.*[-_ ]here|x+|\\*+|\\.+|-+|_+|\\?+");

    /**
     * Booleans, nulls, and the access levels of CI permission blocks ({@code id-token: write} in a GitHub
     * workflow names a permission, not a token).
     */
    private static final Set<String> NOT_VALUES = Set.of("true", "false", "yes", "no", "on", "off", "null", "nil",
            "none", "~", "undefined", "''", "\"\"", "read", "write", "read-all", "write-all", "inherit");

    static boolean isAssignedSecret(String value) {
        // A bare value in JSON or YAML flow style ends at the next space, so it keeps its separator ("null,").
        String trimmed = value.strip().replaceAll("[,;]+$", "");
        return !trimmed.isEmpty()
                && !trimmed.contains("[REDACTED:")
                && !REFERENCE.matcher(trimmed).matches()
                && !DUMMY.matcher(trimmed).matches()
                && !NOT_VALUES.contains(trimmed.toLowerCase(Locale.ROOT));
    }

    /**
     * A quoted literal assigned to a secret-looking name in code. Stricter than configuration: a UI
     * label ({@code password: "Enter your password"}) or a field name ({@code TOKEN = "token"}) is not a
     * secret, so the value needs no spaces, eight characters and two of lower case, upper case, digits
     * and symbols.
     */
    static boolean isLiteralSecret(String value) {
        return isAssignedSecret(value) && value.length() >= 8 && value.chars().noneMatch(Character::isWhitespace)
                && characterClasses(value) >= 2;
    }

    /**
     * A value that looks random enough for a token without a vendor prefix. Entropy alone does not
     * separate them at 32 to 40 characters: random base64 of 32 characters measures 4.0 to 5.0 bits per
     * character, and {@code handleOAuth2CallbackForExternalProviders} 4.35. What identifiers have and
     * random text lacks is vowels (a third of their letters, against a fifth in base64), so a token
     * counts from {@value #ENTROPY_BITS} bits when under {@value #MAX_VOWEL_SHARE} of its letters are
     * vowels, and from {@value #ENTROPY_BITS_WHATEVER_VOWELS} bits regardless. Measured on 10 000 random
     * base64 tokens: 5 % of 32-character ones slip through, 1 % of 40, none of 64; see
     * OrdinaryCodeIsNotRedactedTest for the identifiers it spares.
     */
    static boolean isHighEntropyToken(String value) {
        if (!isAssignedSecret(value) || HEX_OR_UUID.matcher(value).matches() || DIGEST_PREFIX.matcher(value).lookingAt()
                || URL_PATH.matcher(value).matches()) {
            return false;
        }
        if (value.chars().noneMatch(Character::isDigit) || characterClasses(value) < 3) {
            return false;
        }
        double bits = shannonBits(value);
        return bits >= ENTROPY_BITS_WHATEVER_VOWELS || bits >= ENTROPY_BITS && vowelShare(value) < MAX_VOWEL_SHARE;
    }

    static final double ENTROPY_BITS = 4.0;
    static final double MAX_VOWEL_SHARE = 0.30;
    static final double ENTROPY_BITS_WHATEVER_VOWELS = 4.6;

    static double vowelShare(String value) {
        int letters = 0;
        int vowels = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if ("aeiouAEIOU".indexOf(c) >= 0) {
                    vowels++;
                }
            }
        }
        return letters == 0 ? 0 : (double) vowels / letters;
    }

    /**
     * Bare hex (git SHAs, sha256 checksums, Docker digests) and UUIDs are identifiers far more often than
     * secrets; a hex secret with a secret-looking name is still caught by the name rules.
     */
    private static final Pattern HEX_OR_UUID = Pattern.compile(
            "(?i)[0-9a-f]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A URL path of lower-case words ({@code /api/v1/password-recovery-html-content/}): a route, not a token. */
    private static final Pattern URL_PATH = Pattern.compile("/?(?:[a-z0-9]+(?:[-_.][a-z0-9]+)*/)+(?:[a-z0-9]+(?:[-_.][a-z0-9]+)*)?");

    /** Subresource-integrity and digest values: {@code sha512-...}, {@code sha256-...}. */
    private static final Pattern DIGEST_PREFIX = Pattern.compile("(?i)(?:sha\\d{1,3}|md5|blake2b?)[-_]");

    static int characterClasses(String value) {
        int lower = 0;
        int upper = 0;
        int digit = 0;
        int other = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = 1;
            } else if (Character.isUpperCase(c)) {
                upper = 1;
            } else if (Character.isDigit(c)) {
                digit = 1;
            } else {
                other = 1;
            }
        }
        return lower + upper + digit + other;
    }

    static double shannonBits(String value) {
        int[] counts = new int[128];
        int others = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                others++;
            }
        }
        double bits = 0;
        for (int count : counts) {
            bits -= entropyTerm(count, value.length());
        }
        return bits - entropyTerm(others, value.length());
    }

    private static double entropyTerm(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return p * Math.log(p) / Math.log(2);
    }

    private SecretValues() {
    }
}
