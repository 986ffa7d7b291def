package dev.conclave.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * The HTML report's charts as geometry: where each ring, spoke, point, bar and label goes, computed
 * here from the numbers; {@code templates/report/tags/radar.html} and {@code bars.html} draw them as
 * inline SVG. No script, no chart library, nothing to load, and the values are text in the page
 * (searchable, selectable, testable). Coordinates are already formatted ("%.1f"), as the SVG shows them.
 */
public final class Charts {

    /**
     * One spoke of the radar, as asked for.
     *
     * @param fraction the value as a share of its scale, 0 to 1, so scores on 0–10 and 0–100 % compare
     * @param shown    the real value with its scale, as the label shows it: "6.5 / 10", "40 %"
     */
    public record Axis(String label, double fraction, String shown) {
    }

    /**
     * One bar, as asked for.
     *
     * @param shown   the value as the label shows it: "1.2 s"
     * @param overall true for a total drawn beside its parts (another colour)
     */
    public record Bar(String label, double value, String shown, boolean overall) {
    }

    /** A radar ready to draw: rings and the area as SVG point lists, a point and a label per axis. */
    public record Radar(String id, String title, int width, int height, List<String> rings, List<Spoke> spokes,
            String area, List<Point> points, List<AxisLabel> labels) {
    }

    public record Spoke(String x1, String y1, String x2, String y2) {
    }

    /** A value's point on its spoke; its title names the axis and the value. */
    public record Point(String cx, String cy, String title) {
    }

    /** Name and value outside the outer ring, in two lines starting at (x, y). */
    public record AxisLabel(String anchor, String x, String y, String name, String value) {
    }

    /** Horizontal bars ready to draw. */
    public record Bars(String id, String title, int width, int height, List<DrawnBar> bars) {
    }

    /**
     * One bar with its label left of it and its value at its end.
     *
     * @param labelX where the label ends (it is anchored at its end)
     * @param textY  the baseline of the label and the value
     */
    public record DrawnBar(String label, String shown, boolean overall, int labelX, String textY, int x, String y,
            String width, int height, String valueX) {
    }

    private static final int RADAR_WIDTH = 560;
    private static final int RADAR_HEIGHT = 400;
    private static final double RADAR_RADIUS = 125;
    private static final double[] RINGS = {0.25, 0.5, 0.75, 1.0};

    private static final int BAR_WIDTH = 640;
    private static final int BAR_LABEL_WIDTH = 150;
    private static final int BAR_VALUE_WIDTH = 80;
    private static final int BAR_ROW = 30;

    private Charts() {
    }

    /** A radar of at least three axes; every axis is labelled with its real value. */
    static Radar radar(String id, String title, List<Axis> axes) {
        if (axes.size() < 3) {
            throw new IllegalArgumentException("a radar needs at least three axes, got " + axes.size());
        }
        int count = axes.size();
        double cx = RADAR_WIDTH / 2.0;
        double cy = RADAR_HEIGHT / 2.0;
        List<String> rings = new ArrayList<>();
        for (double ring : RINGS) {
            rings.add(points(count, cx, cy, i -> ring));
        }
        List<Spoke> spokes = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        List<AxisLabel> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Axis axis = axes.get(i);
            spokes.add(new Spoke(n(cx), n(cy), n(x(cx, i, count, RADAR_RADIUS)), n(y(cy, i, count, RADAR_RADIUS))));
            double r = RADAR_RADIUS * clamp(axis.fraction());
            points.add(new Point(n(x(cx, i, count, r)), n(y(cy, i, count, r)), axis.label() + ": " + axis.shown()));
            labels.add(label(axis, i, count, cx, cy));
        }
        String area = points(count, cx, cy, i -> clamp(axes.get(i).fraction()));
        return new Radar(id, title, RADAR_WIDTH, RADAR_HEIGHT, rings, spokes, area, points, labels);
    }

    /** Horizontal bars against the largest value, each with its value at its end. */
    static Bars bars(String id, String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double room = BAR_WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH;
        List<DrawnBar> drawn = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = 5 + i * BAR_ROW;
            double width = max > 0 ? Math.max(2, room * Math.max(0, bar.value()) / max) : 2;
            drawn.add(new DrawnBar(bar.label(), bar.shown(), bar.overall(), BAR_LABEL_WIDTH - 10, n(top + 19),
                    BAR_LABEL_WIDTH, n(top + 4), n(width), BAR_ROW - 8, n(BAR_LABEL_WIDTH + width + 8)));
        }
        return new Bars(id, title, BAR_WIDTH, bars.size() * BAR_ROW + 10, drawn);
    }

    /** Anchored away from the centre so a label never crosses the chart. */
    private static AxisLabel label(Axis axis, int i, int count, double cx, double cy) {
        double r = RADAR_RADIUS + 16;
        double lx = x(cx, i, count, r);
        double ly = y(cy, i, count, r);
        double sin = (ly - cy) / r;
        String anchor = lx > cx + 5 ? "start" : lx < cx - 5 ? "end" : "middle";
        // Two lines of text: above the point at the top, below it at the bottom, centred at the sides.
        double firstLine = sin < -0.5 ? ly - 18 : sin > 0.5 ? ly + 12 : ly - 4;
        return new AxisLabel(anchor, n(lx), n(firstLine), axis.label(), axis.shown());
    }

    private static String points(int count, double cx, double cy, IntToDoubleFunction fraction) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double r = RADAR_RADIUS * fraction.applyAsDouble(i);
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
