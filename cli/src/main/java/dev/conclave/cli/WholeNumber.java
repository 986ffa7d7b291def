package dev.conclave.cli;

/**
 * A whole number typed on the command line ({@code --limit 50}, {@code --run 2}), read one way for every command
 * and refused in that command's own words: {@code refusal} says what the option takes, and the refusal ends with
 * what was given ({@code "--limit must be a whole number above 0, got 'x'"}).
 */
final class WholeNumber {

    private WholeNumber() {
    }

    /** {@code value} if it is a whole number above 0 (as large as a {@code long}), else a usage error. */
    static long aboveZeroLong(String value, String refusal) throws UsageException {
        try {
            long number = Long.parseLong(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below, as a number that is not above 0 is
        }
        throw refused(value, refusal);
    }

    /** {@code value} if it is a whole number above 0 that fits an {@code int}, else a usage error. */
    static int aboveZero(String value, String refusal) throws UsageException {
        long number = aboveZeroLong(value, refusal);
        if (number > Integer.MAX_VALUE) {
            throw refused(value, refusal);
        }
        return (int) number;
    }

    /** {@code value} if it is any whole number that fits an {@code int}, else a usage error. */
    static int of(String value, String refusal) throws UsageException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw refused(value, refusal);
        }
    }

    private static UsageException refused(String value, String refusal) {
        return new UsageException(refusal + ", got '" + value + "'");
    }
}
