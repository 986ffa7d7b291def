package dev.conclave.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/** How numbers read in the terminal summary and the reports, the same in each. */
public final class NumberText {

    private static final Set<String> TEN_POINT_FIELDS =
            Set.of("market_viability", "vibecodibility_score", "fit_score", "code_quality");

    private NumberText() {
    }

    /** One decimal, without a trailing ".0": 7.5, 8, 0.3. */
    public static String decimal(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** 1 234 567: thin groups read at a glance and cannot be mistaken for a decimal point. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', ' ');
    }

    /** Small model costs need more than cents: $0.0042. */
    public static String usd(BigDecimal cost) {
        if (cost == null) {
            return "unknown";
        }
        BigDecimal scaled = cost.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : cost.abs().compareTo(BigDecimal.ONE) >= 0 ? cost.setScale(2, RoundingMode.HALF_UP)
                : cost.setScale(4, RoundingMode.HALF_UP);
        return "$" + scaled.toPlainString();
    }

    /**
     * The scale of a field whose schema we know, so "7" reads as "7 / 10" and "60" as "60 %".
     * Only named fields: guessing a scale for an unknown role's score could state a wrong one.
     */
    public static String scaleSuffix(String field) {
        if (field.endsWith("_percent")) {
            return " %";
        }
        return TEN_POINT_FIELDS.contains(field) ? " / 10" : "";
    }
}
