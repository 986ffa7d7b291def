package dev.conclave.scanner.redact;

import java.util.Random;

/**
 * Made-up secrets with the shapes of the real formats, from a fixed seed so every run plants the same
 * corpus. None of them was ever issued by anyone.
 */
public final class FakeSecrets {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = UPPER + LOWER + DIGITS;

    private final Random random = new Random(20261125);

    public String of(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public String alnum(int length) {
        return of(ALNUM, length);
    }

    public String upperAlnum(int length) {
        return of(UPPER + DIGITS, length);
    }

    public String hex(int length) {
        return of("0123456789abcdef", length);
    }

    public String digits(int length) {
        return of(DIGITS, length);
    }

    public String base64(int length) {
        return of(ALNUM + "+/", length);
    }

    public String base64url(int length) {
        return of(ALNUM + "-_", length);
    }

    /** A password as people choose them: letters, digits and a few symbols that need no quoting. */
    public String password(int length) {
        return of(ALNUM, length - 2) + of("!%^*", 1) + of(DIGITS, 1);
    }

    public String jwt() {
        return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ" + base64url(60) + "." + base64url(43);
    }

    public String pemBody(int lines) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            body.append(base64(64)).append('\n');
        }
        return body.toString();
    }
}
