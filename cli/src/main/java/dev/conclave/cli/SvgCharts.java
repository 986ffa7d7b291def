package dev.conclave.cli;

import static dev.conclave.cli.HtmlText.escape;

import java.util.List;
import java.util.Locale;

/**
 * The HTML report's charts as inline SVG, drawn here from the numbers: no script, no chart
 * library, nothing to load, and the values are text in the page (searchable, selectable, testable).
 */
final class SvgCharts {

    /**
     * One spoke of the radar.
     *
     * @param fraction the value as a share of its scale, 0 to 1, so scores on 0–10 and 0–100 % compare
     * @param shown    the real value with its scale, as the label shows it: "6.5 / 10", "40 %"
     */
    record Axis(String label, double fraction, String shown) {
    }

    /**
     * One bar.
     *
     * @param shown   the value as the label shows it: "1.2 s"
     * @param overall true for a total drawn beside its parts (another colour)
     */
    record Bar(String label, double value, String shown, boolean overall) {
    }

    private static final int RADAR_WIDTH = 560;
    private static final int RADAR_HEIGHT = 400;
    private static final double RADAR_RADIUS = 125;
    private static final double[] RINGS = {0.25, 0.5, 0.75, 1.0};

    private static final int BAR_WIDTH = 640;
    private static final int BAR_LABEL_WIDTH = 150;
    private static final int BAR_VALUE_WIDTH = 80;
    private static final int BAR_ROW = 30;

    private SvgCharts() {
    }

    /** A radar of at least three axes; every axis is labelled with its real value. */
    static String radar(String id, String title, List<Axis> axes) {
        if (axes.size() < 3) {
            throw new IllegalArgumentException("a radar needs at least three axes, got " + axes.size());
        }
        double cx = RADAR_WIDTH / 2.0;
        double cy = RADAR_HEIGHT / 2.0;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(escape(id)).append("\" class=\"chart radar\" role=\"img\" viewBox=\"0 0 ")
                .append(RADAR_WIDTH).append(' ').append(RADAR_HEIGHT).append("\" aria-label=\"").append(escape(title))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>").append(escape(title)).append("</title>\n");
        for (double ring : RINGS) {
            svg.append("<polygon class=\"ring\" points=\"").append(points(axes.size(), cx, cy, i -> ring))
                    .append("\"/>\n");
        }
        for (int i = 0; i < axes.size(); i++) {
            svg.append("<line class=\"spoke\" x1=\"").append(n(cx)).append("\" y1=\"").append(n(cy))
                    .append("\" x2=\"").append(n(x(cx, i, axes.size(), RADAR_RADIUS))).append("\" y2=\"")
                    .append(n(y(cy, i, axes.size(), RADAR_RADIUS))).append("\"/>\n");
        }
        svg.append("<polygon class=\"area\" points=\"")
                .append(points(axes.size(), cx, cy, i -> clamp(axes.get(i).fraction()))).append("\"/>\n");
        for (int i = 0; i < axes.size(); i++) {
            Axis axis = axes.get(i);
            double r = RADAR_RADIUS * clamp(axis.fraction());
            svg.append("<circle class=\"point\" r=\"4\" cx=\"").append(n(x(cx, i, axes.size(), r)))
                    .append("\" cy=\"").append(n(y(cy, i, axes.size(), r))).append("\"><title>")
                    .append(escape(axis.label() + ": " + axis.shown())).append("</title></circle>\n");
        }
        for (int i = 0; i < axes.size(); i++) {
            label(svg, axes.get(i), i, axes.size(), cx, cy);
        }
        return svg.append("</svg>\n").toString();
    }

    /** Horizontal bars against the largest value, each with its value at its end. */
    static String bars(String id, String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = bars.size() * BAR_ROW + 10;
        double room = BAR_WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(escape(id)).append("\" class=\"chart bars\" role=\"img\" viewBox=\"0 0 ")
                .append(BAR_WIDTH).append(' ').append(height).append("\" aria-label=\"").append(escape(title))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>").append(escape(title)).append("</title>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = 5 + i * BAR_ROW;
            double width = max > 0 ? Math.max(2, room * Math.max(0, bar.value()) / max) : 2;
            svg.append("<text class=\"bar-label\" x=\"").append(BAR_LABEL_WIDTH - 10).append("\" y=\"")
                    .append(n(top + 19)).append("\" text-anchor=\"end\">").append(escape(bar.label())).append("</text>\n");
            svg.append("<rect class=\"").append(bar.overall() ? "bar overall" : "bar").append("\" x=\"")
                    .append(BAR_LABEL_WIDTH).append("\" y=\"").append(n(top + 4)).append("\" width=\"").append(n(width))
                    .append("\" height=\"").append(BAR_ROW - 8).append("\" rx=\"3\"><title>")
                    .append(escape(bar.label() + ": " + bar.shown())).append("</title></rect>\n");
            svg.append("<text class=\"bar-value\" x=\"").append(n(BAR_LABEL_WIDTH + width + 8)).append("\" y=\"")
                    .append(n(top + 19)).append("\">").append(escape(bar.shown())).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** Name and value outside the outer ring, anchored away from the centre so they never cross it. */
    private static void label(StringBuilder svg, Axis axis, int i, int count, double cx, double cy) {
        double r = RADAR_RADIUS + 16;
        double lx = x(cx, i, count, r);
        double ly = y(cy, i, count, r);
        double sin = (ly - cy) / r;
        String anchor = lx > cx + 5 ? "start" : lx < cx - 5 ? "end" : "middle";
        // Two lines of text: above the point at the top, below it at the bottom, centred at the sides.
        double firstLine = sin < -0.5 ? ly - 18 : sin > 0.5 ? ly + 12 : ly - 4;
        svg.append("<text class=\"axis-label\" text-anchor=\"").append(anchor).append("\" x=\"").append(n(lx))
                .append("\" y=\"").append(n(firstLine)).append("\"><tspan class=\"axis-name\" x=\"").append(n(lx))
                .append("\">").append(escape(axis.label())).append("</tspan><tspan class=\"axis-value\" x=\"")
                .append(n(lx)).append("\" dy=\"16\">").append(escape(axis.shown())).append("</tspan></text>\n");
    }

    private interface Radius {
        double of(int axis);
    }

    private static String points(int count, double cx, double cy, Radius fraction) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double r = RADAR_RADIUS * fraction.of(i);
            points.append(i == 0 ? "" : " ").append(n(x(cx, i, count, r))).append(',').append(n(y(cy, i, count, r)));
        }
        return points.toString();
    }

    /** The first axis points up; the others follow clockwise. */
    private static double angle(int i, int count) {
        return -Math.PI / 2 + 2 * Math.PI * i / count;
    }

    private static double x(double cx, int i, int count, double r) {
        return cx + r * Math.cos(angle(i, count));
    }

    private static double y(double cy, int i, int count, double r) {
        return cy + r * Math.sin(angle(i, count));
    }

    private static double clamp(double fraction) {
        return Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
